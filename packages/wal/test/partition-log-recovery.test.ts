/**
 * Recovery of a partition's active segment from damage (DESIGN.md §3 rule 3): a last batch cut short at
 * any byte, or with one flipped bit at any byte, is a torn tail: it is cut, the log ends at the batch
 * before, and appends continue from there. The same damage followed by a valid batch is CORRUPT_DATA
 * naming the file and the byte position of the damaged frame; nothing is skipped or repaired.
 */
import { HelixError, SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { PartitionLog, partitionFileName } from "../src/partition-log.js";
import { SimDisk } from "../src/testing/index.js";

const directory = "data/partitions/payments-3";
const logPath = `${directory}/${partitionFileName(0, "log")}`;
const headerBytes = 40;
const frameHeaderBytes = 12;
const batchBytes = 61 + 30;
const frameBytes = frameHeaderBytes + batchBytes;

/** A Kafka v2 batch of one record at `offset` with distinct body bytes. */
function batch(offset: number): Uint8Array {
  const bytes = new Uint8Array(batchBytes).fill(offset + 1, 61);
  const view = new DataView(bytes.buffer);
  view.setBigInt64(0, BigInt(offset));
  view.setInt32(8, bytes.length - 12);
  bytes[16] = 2;
  view.setInt32(23, 0);
  view.setBigInt64(27, BigInt(1_000 + offset));
  view.setBigInt64(35, BigInt(1_000 + offset));
  return bytes;
}

/** A closed partition of batches 0..3 in one segment, synced. */
async function fourBatches(): Promise<SimDisk> {
  const disk = new SimDisk({ rng: new SeededRng(4) });
  const log = await PartitionLog.open(disk, { directory });
  for (let offset = 0; offset < 4; offset++) await log.append(batch(offset), 0);
  await log.close();
  return disk;
}

async function reopenAndCheck(disk: SimDisk, expectedEnd: number, what: string): Promise<void> {
  const log = await PartitionLog.open(disk, { directory });
  expect(log.logEndOffset, what).toBe(expectedEnd);
  expect(log.sizeBytes, what).toBe(headerBytes + expectedEnd * frameBytes);
  const stored = await log.read(0, Number.MAX_SAFE_INTEGER);
  expect(
    stored.map((bytes) => Buffer.from(bytes).toString("hex")),
    what,
  ).toEqual(Array.from({ length: expectedEnd }, (_, offset) => Buffer.from(batch(offset)).toString("hex")));
  await log.append(batch(expectedEnd), 0);
  expect(log.logEndOffset, `${what}, then one append`).toBe(expectedEnd + 1);
  await log.close();
}

async function openError(disk: SimDisk): Promise<unknown> {
  return PartitionLog.open(disk, { directory }).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("partition log recovery", () => {
  const lastFrame = headerBytes + 3 * frameBytes;

  it("cuts a last batch cut short at any byte", async () => {
    for (let kept = 0; kept < frameBytes; kept++) {
      const disk = await fourBatches();
      const file = await disk.open(logPath, { create: false });
      await file.truncate(lastFrame + kept);
      await file.sync();
      await reopenAndCheck(disk, 3, `last frame cut after ${kept} bytes`);
    }
  });

  it("cuts a last batch with one flipped bit at any byte", async () => {
    for (let position = 0; position < frameBytes; position++) {
      const disk = await fourBatches();
      disk.flipBit(logPath, lastFrame + position, position % 8);
      await reopenAndCheck(disk, 3, `bit flipped at byte ${position} of the last frame`);
    }
  });

  it("reports a flipped bit at any byte of a batch followed by valid ones, with file and position", async () => {
    const damaged = headerBytes + frameBytes;
    for (let position = 0; position < frameBytes; position++) {
      const disk = await fourBatches();
      disk.flipBit(logPath, damaged + position, position % 8);
      const error = await openError(disk);
      expect(HelixError.is(error, "CORRUPT_DATA"), `byte ${position}: ${error}`).toBe(true);
      expect((error as HelixError).message).toContain(`${logPath} at byte ${damaged}`);
      expect((error as HelixError).details).toMatchObject({ path: logPath, position: damaged });
    }
  });

  it("reports a bad file header with the file name", async () => {
    for (const position of [0, 8, 12, 16, 39]) {
      const disk = await fourBatches();
      disk.flipBit(logPath, position, 3);
      const error = await openError(disk);
      expect(HelixError.is(error, "CORRUPT_DATA"), `header byte ${position}: ${error}`).toBe(true);
      expect((error as HelixError).message).toContain(logPath);
    }
  });
});
