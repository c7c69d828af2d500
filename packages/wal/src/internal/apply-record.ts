import type { GroupId } from "@helixlog/core";
import type { HardState } from "../wal-types.js";
import { GroupLog, type SegmentUsage } from "./group-log.js";
import type { WalRecord } from "./wal-record.js";

export interface FrameLocation {
  readonly segment: number;
  readonly position: number;
  readonly size: number;
}

/**
 * Applies one durable record to the groups' state. The live WAL (after a group commit) and recovery
 * (replaying frames) both go through here, so a reopened WAL is by construction in the state the
 * running one was in. Returns why the record cannot apply (recovery reports that as corruption; the
 * live WAL validated every record when it was accepted, so there it is our bug).
 */
export function applyRecord(
  groups: Map<GroupId, GroupLog>,
  usage: SegmentUsage,
  record: WalRecord,
  location: FrameLocation,
): string | undefined {
  const log = groupLog(groups, record.group);
  switch (record.kind) {
    case "entry":
      return appendEntry(
        log,
        usage,
        record.index,
        record.term,
        location.segment,
        location.position,
        location.size,
      );
    case "hardState":
      log.hardState = record.hardState;
      return undefined;
    case "truncate":
      if (record.fromIndex <= log.compaction.index || record.fromIndex > log.lastIndex + 1) {
        return `truncation at ${record.fromIndex} outside the log of group ${record.group}`;
      }
      log.truncateFrom(record.fromIndex, usage);
      return undefined;
    case "release":
      if (record.index < log.compaction.index) return `release of group ${record.group} moves backwards`;
      log.release({ index: record.index, term: record.term }, usage);
      return undefined;
    case "checkpoint":
      return applyCheckpoint(log, record);
  }
}

/**
 * `applyRecord` of the entry record of `group` whose frame is at `position` of `segment`, from its fields
 * (same checks, same result). Recovery replays entry records, nearly all of a WAL's frames, this way
 * straight from their bytes, without a record or location object for each.
 */
export function applyEntryRecord(
  groups: Map<GroupId, GroupLog>,
  usage: SegmentUsage,
  group: GroupId,
  index: number,
  term: number,
  segment: number,
  position: number,
  size: number,
): string | undefined {
  return appendEntry(groupLog(groups, group), usage, index, term, segment, position, size);
}

/** `applyRecord` of a hard-state record of `group`, from its hard state (see `applyEntryRecord`). */
export function applyHardStateRecord(
  groups: Map<GroupId, GroupLog>,
  group: GroupId,
  hardState: HardState,
): undefined {
  groupLog(groups, group).hardState = hardState;
  return undefined;
}

function groupLog(groups: Map<GroupId, GroupLog>, group: GroupId): GroupLog {
  let log = groups.get(group);
  if (log === undefined) {
    log = new GroupLog(group);
    groups.set(group, log);
  }
  return log;
}

function appendEntry(
  log: GroupLog,
  usage: SegmentUsage,
  index: number,
  term: number,
  segment: number,
  position: number,
  size: number,
): string | undefined {
  if (index <= log.compaction.index || index > log.lastIndex + 1) {
    return `entry ${index} of group ${log.group} does not extend its log [${log.firstIndex}, ${log.lastIndex}]`;
  }
  log.append(index, term, segment, position, size, usage);
  return undefined;
}

/**
 * A checkpoint restates a group's metadata at the start of a segment. When earlier segments were
 * replayed it must agree with them; when they were reclaimed it is where the group's state comes from,
 * and its entries up to `lastIndex` must all be released by later records (else they are missing).
 */
function applyCheckpoint(
  log: GroupLog,
  record: Extract<WalRecord, { kind: "checkpoint" }>,
): string | undefined {
  const known = log.lastIndex > 0 || log.hardState.term > 0 || log.compaction.index > 0;
  if (!known) {
    log.hardState = record.hardState;
    log.compaction = { index: record.compactedIndex, term: record.compactedTerm };
    log.extendWithHoles(record.lastIndex);
    return undefined;
  }
  const agrees =
    log.hardState.term === record.hardState.term &&
    log.hardState.vote === record.hardState.vote &&
    log.hardState.commit === record.hardState.commit &&
    log.compaction.index === record.compactedIndex &&
    log.compaction.term === record.compactedTerm &&
    log.lastIndex === record.lastIndex;
  return agrees ? undefined : `checkpoint of group ${record.group} disagrees with the records before it`;
}
