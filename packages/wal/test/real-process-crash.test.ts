/**
 * Durability on the real filesystem against a real crash: a child process appends with
 * acknowledgements, is killed with SIGKILL after a random number of them, and the parent reopens the
 * WAL and finds every acknowledged entry byte for byte. Three rounds on the same directory, so later
 * rounds also recover a WAL that was itself recovered. No sleeps: the parent waits on the child's output.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import type { GroupId, LogIndex } from "@helixlog/core";
import { SeededRng } from "@helixlog/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NodeDisk } from "../src/node-disk.js";
import { Wal } from "../src/wal.js";
import { crashTestPayload } from "./fixtures/crash-payload.js";

const childScript = fileURLToPath(new URL("./fixtures/crash-child.ts", import.meta.url));
let root = "";

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "helix-wal-crash-"));
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Runs the child until it has acknowledged `killAfter` appends, kills it, and returns every acknowledgement read. */
async function runAndKill(killAfter: number): Promise<Map<number, number>> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--conditions=source", "--import", "tsx", childScript, root],
    {
      cwd: fileURLToPath(new URL("../../..", import.meta.url)),
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let stderr = "";
  child.stderr?.on("data", (chunk) => {
    stderr += String(chunk);
  });
  const acknowledged = new Map<number, number>();
  let count = 0;
  const exited = new Promise<void>((resolve) => child.on("close", () => resolve()));
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  for await (const line of lines) {
    const match = /^ack (\d+) (\d+)$/.exec(line);
    if (match === null) continue;
    const group = Number(match[1]);
    acknowledged.set(group, Math.max(acknowledged.get(group) ?? 0, Number(match[2])));
    count++;
    if (count === killAfter) child.kill("SIGKILL");
  }
  await exited;
  expect(child.signalCode, `the child should die by SIGKILL; stderr: ${stderr}`).toBe("SIGKILL");
  return acknowledged;
}

describe("WAL against SIGKILL on the real filesystem", () => {
  it("keeps every acknowledged entry across three kills at random moments", async () => {
    const rng = new SeededRng(2024);
    for (let round = 0; round < 3; round++) {
      const acknowledged = await runAndKill(rng.integer(50, 400));
      const wal = await Wal.open(new NodeDisk(root), { directory: "wal", segmentSizeBytes: 64 * 1024 });
      for (const [group, lastAcknowledged] of acknowledged) {
        const status = wal.status(group as GroupId);
        expect(status?.lastIndex ?? 0, `group ${group} in round ${round}`).toBeGreaterThanOrEqual(
          lastAcknowledged,
        );
        const entries = await wal.entries(
          group as GroupId,
          1 as LogIndex,
          ((status?.lastIndex ?? 0) + 1) as LogIndex,
        );
        for (const entry of entries) {
          expect(
            Buffer.from(entry.data).equals(Buffer.from(crashTestPayload(group, entry.index))),
            `group ${group} entry ${entry.index}`,
          ).toBe(true);
        }
      }
      await wal.close();
    }
  }, 60_000);
});
