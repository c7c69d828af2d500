import { HelixError } from "@helixlog/core";
import { isUnreachable } from "@helixlog/server";
import { CommanderError } from "commander";

/**
 * The `helix` exit codes (issue 8) and the one place that maps an error to its code and message, so
 * every command fails the same way: a single line naming the cause and the fix.
 */
export const cliExitCodes = {
  ok: 0,
  /** A bad flag or argument (commander's own checks and ours). */
  usage: 2,
  /** The node answered with an error (a HelixError carried in the gRPC status). */
  server: 3,
  /** No node answered at the address. */
  connection: 4,
  /** Our bug: anything that is none of the above. */
  internal: 70,
} as const;

/** A usage mistake found by our own validation (commander reports its own as CommanderError). */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

export function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) return error.exitCode === 0 ? cliExitCodes.ok : cliExitCodes.usage;
  if (error instanceof UsageError) return cliExitCodes.usage;
  if (isUnreachable(error)) return cliExitCodes.connection;
  if (HelixError.isInstance(error)) return cliExitCodes.server;
  return cliExitCodes.internal;
}

/** The line printed to stderr; commander has already printed its own messages. */
export function describeError(error: unknown): string | undefined {
  if (error instanceof CommanderError) return undefined;
  if (error instanceof UsageError) return `helix: ${error.message} (see --help)`;
  if (isUnreachable(error)) return `helix: ${(error as HelixError).message}`;
  if (HelixError.isInstance(error)) return `helix: ${error.code}: ${error.message}`;
  return `helix: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}
