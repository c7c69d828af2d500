/**
 * The tiering policy's rules, one scenario each: only a leader claims uploads; a manifest entry is
 * proposed only after head() confirms size and CRC32C; failures back off and retry; a local segment is
 * deleted only after its entry commits and local retention (and consumers) allow; a leader change
 * forgets uploads in flight; orphans are deleted only after the term's fence commits; retention moves
 * the log start and queues removed objects; the earliest readable offset spans local and tiered data.
 */
import { limits, offset, partitionId, term, topicId } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import { tieredObjectKey } from "./object-key.js";
import { type SealedSegment, type TieringConfig, TieringPartition, unlimited } from "./tiering-partition.js";

const topic = topicId("0b6d2a94-5f1e-4c3b-8a7d-1e2f3a4b5c6d");
const partition = partitionId(0);
const keepTwoSegments: TieringConfig = {
  enabled: true,
  localRetentionBytes: 200,
  localRetentionMs: unlimited,
  retentionBytes: unlimited,
  retentionMs: unlimited,
};

function segment(base: number, end: number, maxTimestampMs = 1000): SealedSegment {
  return { baseOffset: offset(base), endOffset: offset(end), sizeBytes: 100, maxTimestampMs };
}

/** A leader in term 1 with segments [0,10) [10,20) [20,30) sealed and the term's fence committed. */
function leaderWithSegments(config = keepTwoSegments): TieringPartition {
  const tiering = new TieringPartition(topic, partition, config);
  tiering.onLeadership(term(1), true);
  for (const base of [0, 10, 20]) tiering.onSegmentSealed(segment(base, base + 10));
  for (const command of tiering.proposals(0)) tiering.applyCommitted(command);
  return tiering;
}

/** Uploads and commits every claimable segment, as a healthy uploader and Raft would. */
function tierEverything(tiering: TieringPartition, nowMs = 0): void {
  for (const claim of tiering.claimUploads(nowMs)) {
    const uploaded = { sizeBytes: 500, crc32c: 7 };
    tiering.onUploadSucceeded(claim, uploaded, { key: claim.objectKey, ...uploaded }, nowMs);
  }
  for (const command of tiering.proposals(nowMs)) tiering.applyCommitted(command);
}

describe("TieringPartition uploads", () => {
  it("claims sealed segments in offset order on the leader only, up to the in-flight bound", () => {
    const follower = new TieringPartition(topic, partition, keepTwoSegments);
    follower.onLeadership(term(1), false);
    follower.onSegmentSealed(segment(0, 10));
    expect(follower.claimUploads(0)).toEqual([]);

    const tiering = leaderWithSegments();
    for (let base = 30; base < 100; base += 10) tiering.onSegmentSealed(segment(base, base + 10));
    const claims = tiering.claimUploads(0);
    expect(claims.map((claim) => claim.segment.baseOffset)).toEqual(
      [0, 10, 20, 30].slice(0, limits.tierUploadsInflightMax),
    );
    expect(claims[0]?.objectKey).toBe(tieredObjectKey(topic, partition, offset(0), term(1)));
    expect(tiering.claimUploads(0)).toEqual([]);
  });

  it("proposes an entry only when head() reads back the size and CRC32C that were put", () => {
    const tiering = leaderWithSegments();
    const [first, second] = tiering.claimUploads(0);
    if (first === undefined || second === undefined) throw new Error("expected two claims");
    tiering.onUploadSucceeded(
      first,
      { sizeBytes: 500, crc32c: 7 },
      { key: first.objectKey, sizeBytes: 499, crc32c: 7 },
      0,
    );
    tiering.onUploadSucceeded(second, { sizeBytes: 500, crc32c: 7 }, undefined, 0);
    expect(tiering.proposals(0)).toEqual([]);
    // Both count as failures and are retried, with the same key, after the backoff.
    expect(tiering.claimUploads(limits.tierUploadRetryDelayMsBase - 1)).toEqual([]);
    const retried = tiering.claimUploads(limits.tierUploadRetryDelayMsBase);
    expect(retried.map((claim) => claim.objectKey)).toContain(first.objectKey);
  });

  it("proposes verified uploads in offset order, holding back one whose predecessor is missing", () => {
    const tiering = leaderWithSegments();
    const claims = tiering.claimUploads(0);
    const [first, second] = claims;
    if (first === undefined || second === undefined) throw new Error("expected claims");
    const ok = { sizeBytes: 500, crc32c: 7 };
    tiering.onUploadSucceeded(second, ok, { key: second.objectKey, ...ok }, 0);
    expect(tiering.proposals(0)).toEqual([]);
    tiering.onUploadSucceeded(first, ok, { key: first.objectKey, ...ok }, 0);
    expect(tiering.proposals(0).map((command) => command.type === "add" && command.entry.baseOffset)).toEqual(
      [0, 10],
    );
  });

  it("abandons an upload after the attempt bound and deletes whatever it may have stored", () => {
    const tiering = leaderWithSegments();
    let nowMs = 0;
    let claim = tiering.claimUploads(nowMs)[0];
    for (let attempt = 1; attempt <= limits.tierUploadAttemptsMax; attempt++) {
      if (claim === undefined) throw new Error(`no claim for attempt ${attempt}`);
      tiering.onUploadFailed(claim, nowMs);
      nowMs += limits.tierUploadRetryDelayMsMax;
      claim = tiering.claimUploads(nowMs).find((next) => next.segment.baseOffset === 0);
    }
    expect(tiering.remoteObjectsToDelete()).toEqual([tieredObjectKey(topic, partition, offset(0), term(1))]);
  });

  it("ignores the outcome of an upload claimed in an earlier term", () => {
    const tiering = leaderWithSegments();
    const [claim] = tiering.claimUploads(0);
    if (claim === undefined) throw new Error("expected a claim");
    tiering.onLeadership(term(2), true);
    const ok = { sizeBytes: 500, crc32c: 7 };
    tiering.onUploadSucceeded(claim, ok, { key: claim.objectKey, ...ok }, 0);
    expect(tiering.proposals(0)).toEqual([{ type: "fence", term: 2 }]);
  });
});

describe("TieringPartition local deletion", () => {
  it("deletes nothing locally before the manifest entry commits, then what local retention allows", () => {
    const tiering = leaderWithSegments();
    expect(tiering.localSegmentsToDelete(0)).toEqual([]);
    const claims = tiering.claimUploads(0);
    const ok = { sizeBytes: 500, crc32c: 7 };
    for (const claim of claims) tiering.onUploadSucceeded(claim, ok, { key: claim.objectKey, ...ok }, 0);
    const proposals = tiering.proposals(0);
    expect(tiering.localSegmentsToDelete(0)).toEqual([]);
    for (const command of proposals) tiering.applyCommitted(command);
    // 300 bytes local, 200 to keep: only the oldest segment may go, and it is handed out once.
    expect(tiering.localSegmentsToDelete(0)).toEqual([segment(0, 10)]);
    expect(tiering.localSegmentsToDelete(0)).toEqual([]);
  });

  it("keeps locally what consumers have not read yet", () => {
    const tiering = leaderWithSegments({ ...keepTwoSegments, localRetentionBytes: 0 });
    tierEverything(tiering);
    tiering.onConsumerLowWatermark(offset(15));
    expect(tiering.localSegmentsToDelete(0)).toEqual([segment(0, 10)]);
    tiering.onConsumerLowWatermark(undefined);
    expect(tiering.localSegmentsToDelete(0)).toEqual([segment(10, 20), segment(20, 30)]);
  });

  it("keeps everything locally with unlimited local retention, even when tiered", () => {
    const tiering = leaderWithSegments({ ...keepTwoSegments, localRetentionBytes: unlimited });
    tierEverything(tiering);
    expect(tiering.manifest.tieredEndOffset).toBe(30);
    expect(tiering.localSegmentsToDelete(1e12)).toEqual([]);
  });
});

describe("TieringPartition retention, orphans and earliest offset", () => {
  it("moves the log start past expired data and deletes the removed objects", () => {
    const tiering = leaderWithSegments({ ...keepTwoSegments, retentionMs: 5000 });
    tiering.onSegmentSealed(segment(30, 40, 9000));
    tierEverything(tiering);
    const commands = tiering.proposals(7000);
    expect(commands).toEqual([{ type: "advanceLogStart", term: 1, logStartOffset: 30 }]);
    for (const command of commands) tiering.applyCommitted(command);
    expect(tiering.remoteObjectsToDelete().sort()).toEqual(
      [0, 10, 20].map((base) => tieredObjectKey(topic, partition, offset(base), term(1))),
    );
    expect(tiering.earliestReadableOffset(offset(30))).toBe(30);
  });

  it("deletes as orphans only unreferenced keys of older terms, after this term's fence commits", () => {
    const tiering = new TieringPartition(topic, partition, keepTwoSegments);
    tiering.onSegmentSealed(segment(0, 10));
    tiering.onLeadership(term(4), true);
    const older = tieredObjectKey(topic, partition, offset(0), term(3));
    const newer = tieredObjectKey(topic, partition, offset(0), term(5));
    const foreign = `${tiering.keyPrefix}notes.txt`;
    tiering.onObjectListing([older, newer, foreign]);
    expect(tiering.remoteObjectsToDelete()).toEqual([]);
    const [fence] = tiering.proposals(0);
    if (fence === undefined) throw new Error("expected a fence");
    tiering.applyCommitted(fence);
    const [claim] = tiering.claimUploads(0);
    tiering.onObjectListing([older, newer, foreign, claim?.objectKey ?? ""]);
    expect(tiering.remoteObjectsToDelete()).toEqual([older]);
  });

  it("reports the earliest readable offset across tiered and local data", () => {
    const tiering = leaderWithSegments({ ...keepTwoSegments, localRetentionBytes: 0 });
    expect(tiering.earliestReadableOffset(offset(0))).toBe(0);
    tierEverything(tiering);
    for (const deleted of tiering.localSegmentsToDelete(0)) tiering.onLocalSegmentDeleted(deleted.baseOffset);
    expect(tiering.earliestReadableOffset(offset(30))).toBe(0);
  });
});
