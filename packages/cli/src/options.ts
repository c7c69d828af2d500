import { parseHostPort } from "@helixlog/server";
import { UsageError } from "./cli-errors.js";

/**
 * Parsers for option values. Each throws UsageError naming the flag and what it expects, so a typo
 * exits with code 2 and a message instead of a confusing server error.
 */

export function parseInteger(flag: string, minimum: number, maximum: number) {
  return (value: string): number => {
    const parsed = Number(value);
    if (
      !/^-?\d+$/.test(value.trim()) ||
      !Number.isSafeInteger(parsed) ||
      parsed < minimum ||
      parsed > maximum
    ) {
      throw new UsageError(`${flag} must be an integer from ${minimum} to ${maximum}, got "${value}"`);
    }
    return parsed;
  };
}

/** `k=v` pairs, from repeated flags and/or comma-separated lists. */
export function parseKeyValues(flag: string, values: readonly string[]): Record<string, string> {
  const result: Record<string, string> = {};
  for (const item of values.flatMap((value) => value.split(","))) {
    const separator = item.indexOf("=");
    if (separator < 1) throw new UsageError(`${flag} takes KEY=VALUE, got "${item}"`);
    result[item.slice(0, separator)] = item.slice(separator + 1);
  }
  return result;
}

export function collect(value: string, previous: readonly string[] | undefined): string[] {
  return [...(previous ?? []), value];
}

export type AcksName = "ACKS_NONE" | "ACKS_LEADER" | "ACKS_ALL";

export function parseAcks(value: string): AcksName {
  const acks = ({ none: "ACKS_NONE", leader: "ACKS_LEADER", all: "ACKS_ALL" } as const)[value];
  if (acks === undefined) throw new UsageError(`--acks must be none, leader or all, got "${value}"`);
  return acks;
}

/** Validates HOST:PORT early; the client takes the string as given. */
export function parseAddress(flag: string) {
  return (value: string): string => {
    try {
      parseHostPort(value, flag);
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    return value;
  };
}
