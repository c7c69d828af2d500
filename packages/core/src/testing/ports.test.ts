import { createServer, type Server } from "node:net";
import { describe, expect, it } from "vitest";
import { explicitPortRange, freePort, freePortRange, isPortFree } from "./ports.js";

function listen(port: number): Promise<Server> {
  return new Promise((resolveServer, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolveServer(server));
  });
}

describe("test ports", () => {
  it("picks below the ephemeral range, where listen(0) never lands", async () => {
    const [low, high] = explicitPortRange();
    expect(high - low).toBeGreaterThanOrEqual(4_000);
    const server = await listen(0);
    const ephemeral = (server.address() as { port: number }).port;
    server.close();
    expect(ephemeral).toBeGreaterThanOrEqual(high);
    const port = await freePort();
    expect(port).toBeGreaterThanOrEqual(low);
    expect(port).toBeLessThan(high);
  });

  it("hands out a bindable port, and never the same one twice", async () => {
    const seen = new Set<number>();
    for (let i = 0; i < 50; i++) {
      const port = await freePort();
      expect(seen.has(port)).toBe(false);
      seen.add(port);
    }
    const port = [...seen][0] as number;
    const server = await listen(port);
    try {
      expect(await isPortFree(port)).toBe(false);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(await isPortFree(port)).toBe(true);
  });

  it("finds consecutive free ports and refuses a bad count", async () => {
    const first = await freePortRange(4);
    const servers = await Promise.all([0, 1, 2, 3].map((i) => listen(first + i)));
    for (const server of servers) server.close();
    await expect(freePortRange(0)).rejects.toThrow(RangeError);
  });
});
