/**
 * Membership changes (Raft thesis chapter 4, etcd's confchange): computes the configuration that
 * results from applying a ConfChange to the current one, or refuses with INVALID_ARGUMENT.
 * - A simple change alters at most one voter and moves directly to the new configuration (§4.1).
 * - Anything else enters a joint configuration C_old,new in which every decision needs a majority of
 *   both halves (§4.3); an empty change leaves it for C_new.
 * Learners receive the log but never vote; a voter demoted to learner stays a voter of the outgoing
 * half until the joint configuration is left (it is a "next learner" meanwhile).
 */
import { HelixError, type NodeId } from "@helixlog/core";
import { isJoint } from "./quorum.js";
import { assertConfigInvariants, type TrackerConfig } from "./tracker.js";
import type { ConfChange, ConfChangeSingle } from "./types.js";

interface MutableConfig {
  incoming: Set<NodeId>;
  outgoing: Set<NodeId>;
  learners: Set<NodeId>;
  learnersNext: Set<NodeId>;
  autoLeave: boolean;
}

function copyConfig(config: TrackerConfig): MutableConfig {
  return {
    incoming: new Set(config.voters.incoming),
    outgoing: new Set(config.voters.outgoing),
    learners: new Set(config.learners),
    learnersNext: new Set(config.learnersNext),
    autoLeave: config.autoLeave,
  };
}

function freeze(config: MutableConfig): TrackerConfig {
  const result: TrackerConfig = {
    voters: { incoming: config.incoming, outgoing: config.outgoing },
    learners: config.learners,
    learnersNext: config.learnersNext,
    autoLeave: config.autoLeave,
  };
  assertConfigInvariants(result);
  return result;
}

function refuse(message: string): never {
  throw new HelixError("INVALID_ARGUMENT", `configuration change refused: ${message}`);
}

/** Whether a change is the empty change that leaves a joint configuration. */
export function isLeaveJoint(change: ConfChange): boolean {
  return change.changes.length === 0;
}

/** Whether a change can be applied directly, without a joint configuration. */
export function isSimpleChange(change: ConfChange): boolean {
  return change.changes.length === 1 && change.transition !== "explicit";
}

/** The configuration after `change`, or a HelixError INVALID_ARGUMENT saying why it is refused. */
export function applyConfChange(current: TrackerConfig, change: ConfChange): TrackerConfig {
  if (isLeaveJoint(change)) return leaveJoint(current);
  if (isJoint(current.voters)) refuse("a joint configuration must be left before the next change");
  if (isSimpleChange(change)) return simpleChange(current, change.changes);
  return enterJoint(current, change);
}

function simpleChange(current: TrackerConfig, changes: readonly ConfChangeSingle[]): TrackerConfig {
  const next = copyConfig(current);
  applyChanges(next, changes);
  let votersChanged = 0;
  for (const id of next.incoming) if (!current.voters.incoming.has(id)) votersChanged++;
  for (const id of current.voters.incoming) if (!next.incoming.has(id)) votersChanged++;
  // Two voter changes at once could create disjoint majorities of C_old and C_new (thesis §4.1).
  if (votersChanged > 1) refuse("more than one voter changed; use a joint change");
  if (next.incoming.size === 0) refuse("removing the last voter");
  return freeze(next);
}

function enterJoint(current: TrackerConfig, change: ConfChange): TrackerConfig {
  const next = copyConfig(current);
  if (next.incoming.size === 0) refuse("cannot enter a joint configuration from an empty one");
  next.outgoing = new Set(next.incoming);
  applyChanges(next, change.changes);
  if (next.incoming.size === 0) refuse("the incoming configuration has no voters");
  next.autoLeave = change.transition !== "explicit";
  return freeze(next);
}

function leaveJoint(current: TrackerConfig): TrackerConfig {
  if (!isJoint(current.voters)) refuse("not in a joint configuration");
  const next = copyConfig(current);
  for (const id of next.learnersNext) next.learners.add(id);
  next.learnersNext.clear();
  next.outgoing.clear();
  next.autoLeave = false;
  return freeze(next);
}

function applyChanges(config: MutableConfig, changes: readonly ConfChangeSingle[]): void {
  const seen = new Set<NodeId>();
  for (const single of changes) {
    if (!Number.isInteger(single.nodeId) || single.nodeId <= 0) refuse(`invalid node id ${single.nodeId}`);
    if (seen.has(single.nodeId)) refuse(`node ${single.nodeId} appears twice in one change`);
    seen.add(single.nodeId);
    switch (single.type) {
      case "addVoter":
        config.learners.delete(single.nodeId);
        config.learnersNext.delete(single.nodeId);
        config.incoming.add(single.nodeId);
        break;
      case "addLearner":
        config.incoming.delete(single.nodeId);
        config.learners.delete(single.nodeId);
        config.learnersNext.delete(single.nodeId);
        // An outgoing voter keeps voting in C_old until the joint configuration is left.
        if (config.outgoing.has(single.nodeId)) config.learnersNext.add(single.nodeId);
        else config.learners.add(single.nodeId);
        break;
      case "removeNode":
        config.incoming.delete(single.nodeId);
        config.learners.delete(single.nodeId);
        config.learnersNext.delete(single.nodeId);
        break;
      default:
        refuse(`unknown change type ${(single as { type: string }).type}`);
    }
  }
}

const textEncoder = new TextEncoder();
const textDecoder = new TextDecoder();

/** Encodes a conf change as the data of a "confChange" log entry. */
export function encodeConfChange(change: ConfChange): Uint8Array {
  const plain: ConfChange = {
    changes: change.changes.map((single) => ({ type: single.type, nodeId: single.nodeId })),
    ...(change.transition === undefined ? {} : { transition: change.transition }),
  };
  return textEncoder.encode(JSON.stringify(plain));
}

/** Decodes a conf change entry's data; malformed data is corrupt storage, reported as CORRUPT_DATA. */
export function decodeConfChange(data: Uint8Array): ConfChange {
  let parsed: unknown;
  try {
    parsed = JSON.parse(textDecoder.decode(data));
  } catch (error) {
    throw new HelixError("CORRUPT_DATA", "a configuration change entry is not valid JSON", { cause: error });
  }
  const candidate = parsed as { changes?: unknown; transition?: unknown };
  if (typeof parsed !== "object" || parsed === null || !Array.isArray(candidate.changes)) {
    throw new HelixError("CORRUPT_DATA", "a configuration change entry has no list of changes");
  }
  const changes: ConfChangeSingle[] = [];
  for (const item of candidate.changes as unknown[]) {
    const single = item as { type?: unknown; nodeId?: unknown };
    const validType =
      single.type === "addVoter" || single.type === "addLearner" || single.type === "removeNode";
    if (
      !validType ||
      typeof single.nodeId !== "number" ||
      !Number.isInteger(single.nodeId) ||
      single.nodeId <= 0
    ) {
      throw new HelixError(
        "CORRUPT_DATA",
        `a configuration change entry holds a bad change ${JSON.stringify(item)}`,
      );
    }
    changes.push({ type: single.type as ConfChangeSingle["type"], nodeId: single.nodeId as NodeId });
  }
  const transition = candidate.transition;
  if (transition !== undefined && transition !== "auto" && transition !== "explicit") {
    throw new HelixError(
      "CORRUPT_DATA",
      `a configuration change entry has a bad transition ${String(transition)}`,
    );
  }
  return transition === undefined ? { changes } : { changes, transition };
}

export function describeConfChange(change: ConfChange): string {
  if (isLeaveJoint(change)) return "leave-joint";
  const parts = change.changes.map((single) => {
    const sign = single.type === "addVoter" ? "v" : single.type === "addLearner" ? "l" : "r";
    return `${sign}${single.nodeId}`;
  });
  if (change.transition === "explicit") parts.push("(explicit)");
  return parts.join(" ");
}
