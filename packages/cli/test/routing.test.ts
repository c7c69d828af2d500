/**
 * followLeader, the CLI's retry policy: a busy refusal (RESOURCE_EXHAUSTED from a quota or from load
 * shedding) is retried at the same node after the delay the node asked for, a bounded number of times;
 * a leader change follows the hint; anything else is shown at once.
 */
import { HelixError } from "@helixlog/core";
import { afterEach, describe, expect, it } from "vitest";
import { busyAttemptsMax, ClientPool, followLeader } from "../src/routing.js";

const pools: ClientPool[] = [];
afterEach(() => {
  for (const pool of pools.splice(0)) pool.close();
});

function pool(): ClientPool {
  const created = new ClientPool("127.0.0.1:1");
  pools.push(created);
  return created;
}

const busy = () => new HelixError("RESOURCE_EXHAUSTED", "over quota", { details: { retryAfterMs: 2 } });

describe("followLeader", () => {
  it("retries busy refusals after the node's delay and returns the answer", async () => {
    let calls = 0;
    const startedAt = Date.now();
    const answer = await followLeader(pool(), async () => {
      calls += 1;
      if (calls <= 3) throw busy();
      return "stored";
    });
    expect(answer).toBe("stored");
    expect(calls).toBe(4);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(6);
  });

  it("gives up after busyAttemptsMax consecutive busy refusals", async () => {
    let calls = 0;
    const refusal = await followLeader(pool(), async () => {
      calls += 1;
      throw new HelixError("RESOURCE_EXHAUSTED", "over quota", { details: { retryAfterMs: 0 } });
    }).catch((error: unknown) => error);
    expect(HelixError.is(refusal, "RESOURCE_EXHAUSTED")).toBe(true);
    expect(calls).toBe(busyAttemptsMax);
  });

  it("shows a non-retriable error at once", async () => {
    let calls = 0;
    const refusal = await followLeader(pool(), async () => {
      calls += 1;
      throw new HelixError("INVALID_ARGUMENT", "bad record");
    }).catch((error: unknown) => error);
    expect(HelixError.is(refusal, "INVALID_ARGUMENT")).toBe(true);
    expect(calls).toBe(1);
  });
});
