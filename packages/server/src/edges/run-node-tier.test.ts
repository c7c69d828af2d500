/**
 * The node's object store choice at start-up (issue 11): a one-node cluster tiers to the file store under
 * its data directory; a node of a several-node cluster on that default per-node store does not tier (it
 * logs `tier.disabled`), because replicas would delete segments whose only copy is on another node's disk;
 * an explicit --object-store-dir (a shared mount) is trusted.
 */
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadNodeConfig } from "./node-config.js";
import { runNode } from "./run-node.js";

const root = mkdtempSync(join(tmpdir(), "helix-run-node-tier-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function start(name: string, extra: string[]): Promise<Record<string, unknown>[]> {
  const events: Record<string, unknown>[] = [];
  const dataDir = join(root, name);
  const config = loadNodeConfig({
    argv: [
      "--data-dir",
      dataDir,
      ...["--grpc-addr", "127.0.0.1:0", "--kafka-addr", "127.0.0.1:0", "--http-addr", "127.0.0.1:0"],
      ...extra,
    ],
    environment: {},
    readFile: () => "{}",
  });
  const running = await runNode(config, { log: (event) => events.push(event), onFailure: () => {} });
  await running.stop();
  return events;
}

describe("runNode object store", () => {
  it("tiers to <data-dir>/tier on a one-node cluster", { timeout: 60_000 }, async () => {
    const events = await start("single", ["--peer-addr", "127.0.0.1:0"]);
    expect(events.some((event) => event.event === "tier.disabled")).toBe(false);
    expect(existsSync(join(root, "single", "tier", "objects"))).toBe(true);
  });

  it("does not tier on the default per-node store in a cluster, unless the directory is given", {
    timeout: 60_000,
  }, async () => {
    const peers = ["--peer-addr", "127.0.0.1:0", "--peers", "1=127.0.0.1:0,2=127.0.0.1:1"];
    const events = await start("clustered", peers);
    expect(events.some((event) => event.event === "tier.disabled")).toBe(true);
    expect(existsSync(join(root, "clustered", "tier"))).toBe(false);
    const shared = join(root, "shared-mount");
    const explicit = await start("explicit", [...peers, "--object-store-dir", shared]);
    expect(explicit.some((event) => event.event === "tier.disabled")).toBe(false);
    expect(existsSync(join(shared, "objects"))).toBe(true);
  });
});
