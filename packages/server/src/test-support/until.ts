/**
 * Polls `condition` on the real clock until it holds, failing with `what` after `timeoutMs`: the wait
 * the server's loopback tests (gRPC, peer transport) use for readiness instead of fixed sleeps.
 */
export async function until(
  condition: () => boolean | Promise<boolean>,
  what: string,
  timeoutMs = 10_000,
  pollMs = 10,
): Promise<void> {
  const endAt = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > endAt) throw new Error(`not reached within ${timeoutMs} ms: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
