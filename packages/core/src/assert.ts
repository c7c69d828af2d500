/**
 * Assertions catch our own bugs; they are never used to validate input from the world (that is
 * validated and answered with a typed HelixError). A failed assertion means the process is in a state
 * the code did not plan for, so it crashes the node and fails the simulation instead of limping on.
 */
export class AssertionError extends Error {
  override readonly name = "AssertionError";
}

export function assert(
  condition: unknown,
  message: string | (() => string) = "assertion failed",
): asserts condition {
  if (!condition) {
    throw new AssertionError(typeof message === "function" ? message() : message);
  }
}

/** Exhaustiveness check for switches over closed unions. */
export function assertNever(value: never, what = "value"): never {
  throw new AssertionError(`unexpected ${what}: ${JSON.stringify(value)}`);
}

/**
 * An unrecoverable condition from the outside world (a full disk, an invalid flag, a corrupt log). It
 * is thrown, not handled: the process edge catches it once, prints `reason` and exits with `exitCode`.
 * Pure packages may throw it; only the edge decides to exit.
 */
export class FatalError extends Error {
  override readonly name = "FatalError";
  readonly exitCode: number;

  constructor(reason: string, exitCode: number, options?: { cause?: unknown }) {
    super(reason, options);
    this.exitCode = exitCode;
  }
}

/** Exit codes the edge uses for fatal conditions. */
export const exitCodes = {
  /** A bad flag, config file or environment variable. */
  usage: 2,
  /** Stored data failed validation (bad header, corrupt frame in the middle of a log). */
  corruption: 3,
  /** The disk is full or returns I/O errors. */
  storage: 4,
  /** Any other invariant that cannot be recovered from. */
  internal: 70,
} as const;

export function fatal(reason: string, exitCode: number = exitCodes.internal, cause?: unknown): never {
  throw new FatalError(reason, exitCode, cause === undefined ? undefined : { cause });
}
