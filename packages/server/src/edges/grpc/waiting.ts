/**
 * Waiting at the gRPC edge: for new committed data (by polling the high watermark, which is cheap and
 * needs no hook into the node's apply path), for a deadline, or for a cancelled call. Every wait is
 * bounded by a time the caller computed from named limits and the client's deadline.
 */
import type { Deadline } from "@grpc/grpc-js";
import { HelixError, limits } from "@helixlog/core";

/** Milliseconds until the client's deadline (Infinity when it set none; never negative). */
export function remainingMs(deadline: Deadline): number {
  const at = deadline instanceof Date ? deadline.getTime() : deadline;
  return Math.max(0, at - Date.now());
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Resolves true once `ready()` holds, or false after `waitMs` or once `stopped()` holds. Polls every
 * grpcFetchPollIntervalMs; `ready` may throw (the topic was deleted), which rejects.
 */
export async function pollUntil(
  ready: () => boolean,
  waitMs: number,
  stopped: () => boolean,
): Promise<boolean> {
  const endAt = Date.now() + waitMs;
  // Bounded by waitMs / grpcFetchPollIntervalMs rounds, or by the stop condition for open-ended waits.
  for (;;) {
    if (ready()) return true;
    const left = endAt - Date.now();
    if (left <= 0 || stopped()) return false;
    await sleep(Math.min(limits.grpcFetchPollIntervalMs, left));
  }
}

/**
 * The operation's result, or TIMEOUT after `timeoutMs`. The operation keeps running: for a produce the
 * write may still happen, which the error says.
 */
export async function withTimeout<T>(operation: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new HelixError("TIMEOUT", `${what} did not complete within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  // A late rejection of the abandoned operation must not surface as an unhandled rejection.
  operation.catch(() => {});
  try {
    return await Promise.race([operation, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
