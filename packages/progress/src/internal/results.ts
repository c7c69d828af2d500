import { type ErrorCode, HelixError } from "@helixlog/core";
import type { ProgressResult } from "../commands.js";

export function accept<Value>(value: Value): ProgressResult<Value> {
  return { ok: true, value };
}

/** The failure half of ProgressResult; assignable to a result of any value type. */
export interface Rejected {
  readonly ok: false;
  readonly error: HelixError;
}

export function reject(
  code: ErrorCode,
  message: string,
  details?: Readonly<Record<string, unknown>>,
): Rejected {
  return { ok: false, error: new HelixError(code, message, details === undefined ? {} : { details }) };
}

/** Input validation: each check returns the rejection to answer with, or null when the input is fine. */
export type Rejection = Rejected | null;

export function checkDuration(durationMs: number, minimum: number, maximum: number): Rejection {
  if (Number.isInteger(durationMs) && durationMs >= minimum && durationMs <= maximum) return null;
  return reject(
    "INVALID_ARGUMENT",
    `lease duration must be an integer in [${minimum}, ${maximum}] ms, got ${durationMs}`,
  );
}

export function checkCount(what: string, count: number, maximum: number): Rejection {
  if (count <= maximum) return null;
  return reject("INVALID_ARGUMENT", `at most ${maximum} ${what} per command, got ${count}`);
}

export function checkText(what: string, text: string, maximum: number): Rejection {
  if (text.length <= maximum) return null;
  return reject("INVALID_ARGUMENT", `${what} must have at most ${maximum} characters, got ${text.length}`);
}
