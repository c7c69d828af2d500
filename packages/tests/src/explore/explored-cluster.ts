/**
 * The state the explorer searches: a cluster of real RaftNodes (packages/raft, MemoryStorage, the
 * Ready/advance protocol), the multiset of messages in flight, and the history the invariants need.
 * Time is not modelled: an election timeout or a heartbeat timeout is one explicit event, so the space
 * holds only the orders of things, not how many ticks passed between them.
 *
 * Events (each labelled; a path of labels replays exactly):
 *   deliver <message> / drop <message>   one message in flight is stepped into its node, or lost
 *   timeout N        node N's election timeout fires (campaign(); pre-vote first when enabled)
 *   heartbeat N      leader N's heartbeat timeout fires (one tick with heartbeatTicks = 1)
 *   propose N        a client proposal at leader N (payloads p1, p2, ...)
 *   crash N          node N crashes and restarts from its MemoryStorage: it keeps exactly what its
 *                    host persisted; a Ready handed out and not persisted is lost with its messages
 *   persist N        (with persistAsEvent) node N's pending Ready becomes durable: entries and hard
 *                    state are written, votes and acknowledgements sent, committed entries applied.
 *                    Only Readies that need an fdatasync wait for this event; others complete at once
 *
 * Host loop per node (packages/raft README): after every event the node's Ready is collected, its
 * `messages` go in flight at once, and the Ready is persisted either at once or by a later persist
 * event; until then the node takes inputs but hands out no further Ready.
 */
import { createHash } from "node:crypto";
import {
  assert,
  type Bytes,
  groupId,
  type LogIndex,
  type NodeId,
  nodeId,
  type Rng,
  ticks,
} from "@helixlog/core";
import {
  type ConfState,
  describeMessage,
  type Entry,
  MemoryStorage,
  type Message,
  RaftNode,
  type Ready,
} from "@helixlog/raft";
import { canonicalEncoding } from "./canonical-encoding.js";
import { deepClone } from "./deep-clone.js";
import { applyMutation, type ExploreMutation } from "./explore-mutations.js";
import {
  checkApplied,
  type EntryView,
  emptyHistory,
  type History,
  type NodeView,
  type Violation,
} from "./invariants.js";

export interface ClusterOptions {
  /** Voters, all initial members. */
  readonly nodes: number;
  readonly mutation: ExploreMutation;
  /** Persistence of a Ready is its own event, so crashes between write and sync are explored. */
  readonly persistAsEvent: boolean;
  /** Client proposals over the whole path. */
  readonly proposalsMax: number;
  /** Crash-restarts over the whole path. */
  readonly crashesMax: number;
  /** Election timeouts fire only on nodes whose term is below this. */
  readonly termMax: number;
  readonly preVote: boolean;
  /**
   * Whether dropping a message is an event. For safety alone drops add nothing: no event and no
   * invariant depends on a message's absence, so a dropped message is one never delivered, and every
   * state reachable with drops is reachable without them (with more messages in flight). Turning
   * them off halves the branching on messages and so reaches deeper in the same time.
   */
  readonly drops: boolean;
}

export const defaultClusterOptions: ClusterOptions = {
  nodes: 3,
  mutation: "none",
  persistAsEvent: false,
  proposalsMax: 1,
  crashesMax: 1,
  termMax: 4,
  preVote: false,
  drops: true,
};

export interface DeliveryEvent {
  readonly kind: "deliver" | "drop";
  readonly message: Message;
  readonly label: string;
}

export interface NodeEvent {
  readonly kind: "timeout" | "heartbeat" | "propose" | "crash" | "persist";
  readonly node: NodeId;
  readonly label: string;
}

export type ExploreEvent = DeliveryEvent | NodeEvent;

export interface HostNode {
  readonly id: NodeId;
  /** What this node's host made durable; all that survives a crash. */
  readonly disk: MemoryStorage;
  raft: RaftNode;
  /** A Ready handed out and not yet persisted (only with persistAsEvent). */
  pending: Ready | undefined;
}

export interface ClusterState {
  readonly nodes: HostNode[];
  /** Messages sent and neither delivered nor dropped; order carries no meaning. */
  readonly inFlight: Message[];
  readonly history: History;
  proposals: number;
  crashes: number;
  /** Set by a check made while an event ran (an apply, or an assertion inside Raft). */
  violation: Violation | undefined;
}

/** A constant Rng: election timeouts are explicit events, so their randomization plays no part. */
const constantRng: Rng = {
  nextUint32: () => 0,
  nextFloat: () => 0,
  integer: (minimum: number) => minimum,
  chance: () => false,
  split: () => constantRng,
};

/**
 * Fields left out of the state hash, each because it cannot change what the node does next in this
 * model: time is not modelled (ticks are only used for leader heartbeats, check-quorum and leases are
 * off), snapshots are never sent (recentActive matters only for them), proposals are far below the
 * uncommitted-size limit. `config` never changes; `storage` is the same object as the host's `disk`.
 */
export const ignoredFields: ReadonlySet<string> = new Set([
  "config",
  "storage",
  "electionElapsed",
  "heartbeatElapsed",
  "randomizedElectionTimeout",
  "leaderContactElapsed",
  "tickCount",
  "lastAcknowledgedTick",
  "sentAtTick",
  "recentActive",
  "uncommittedSizeBytes",
]);

/**
 * Fields whose values are replaced, never changed in place, so clones may share them: Raft's and
 * the tracker's configuration (no membership changes here), the hard and soft states, the snapshot
 * and the Ready handed out (RaftNode and the host hold the same object).
 */
const sharedFields: ReadonlySet<string> = new Set([
  "config",
  "lastHardState",
  "lastSoftState",
  "hardState",
  "currentSnapshot",
  "pendingReady",
  "pending",
]);

function newRaftNode(id: NodeId, disk: MemoryStorage, options: ClusterOptions): RaftNode {
  const node = new RaftNode(
    {
      id,
      group: groupId(1),
      rng: constantRng,
      electionTicks: ticks(10),
      heartbeatTicks: ticks(1),
      preVote: options.preVote,
      // Check-quorum and the lease measure time, which this model does not have.
      checkQuorum: false,
    },
    disk,
  );
  applyMutation(node, options.mutation);
  return node;
}

export function initialState(options: ClusterOptions): ClusterState {
  const voters = Array.from({ length: options.nodes }, (_, i) => nodeId(i + 1));
  const confState: ConfState = {
    voters,
    votersOutgoing: [],
    learners: [],
    learnersNext: [],
    autoLeave: false,
  };
  const state: ClusterState = {
    nodes: voters.map((id) => {
      const disk = MemoryStorage.bootstrapped(confState);
      return { id, disk, raft: newRaftNode(id, disk, options), pending: undefined };
    }),
    inFlight: [],
    history: emptyHistory(),
    proposals: 0,
    crashes: 0,
    violation: undefined,
  };
  for (const node of state.nodes) drive(state, node, options);
  return state;
}

export function cloneState(state: ClusterState): ClusterState {
  return deepClone(state, sharedFields);
}

// ---------------------------------------------------------------- labels

function describeEntries(entries: readonly Entry[]): string {
  return entries
    .map((entry) => {
      const data = new TextDecoder().decode(entry.data);
      return `${entry.index}/${entry.term}${data === "" ? "" : `:${data}`}`;
    })
    .join(" ");
}

/**
 * A message's label: every field that can change what its receiver does, and nothing else (the
 * group is fixed; heartbeat ticks and read contexts are unused here). It names the message in a path.
 */
export function messageLabel(message: Message): string {
  const head = `${message.type} ${message.from}>${message.to} t${message.term}`;
  switch (message.type) {
    case "appendEntries":
      return `${head} prev=${message.prevIndex}/${message.prevTerm} [${describeEntries(message.entries)}] c=${message.commit}`;
    case "appendResponse":
      return message.reject
        ? `${head} reject i=${message.index} hint=${message.hintIndex}/${message.hintTerm}`
        : `${head} i=${message.index}`;
    case "requestVote":
    case "requestPreVote":
      return `${head} last=${message.lastIndex}/${message.lastTerm}${message.transfer ? " transfer" : ""}`;
    case "voteResponse":
    case "preVoteResponse":
      return `${head} ${message.reject ? "reject" : "grant"}`;
    case "heartbeat":
      return `${head} c=${message.commit}`;
    case "heartbeatResponse":
      return head;
    default:
      return describeMessage(message);
  }
}

// ---------------------------------------------------------------- events

/** Every event enabled in `state`, in a fixed order (the explorer's determinism rests on it). */
export function enabledEvents(state: ClusterState, options: ClusterOptions): ExploreEvent[] {
  const events: ExploreEvent[] = [];
  const byLabel = new Map<string, Message>();
  for (const message of state.inFlight) {
    const label = messageLabel(message);
    if (!byLabel.has(label)) byLabel.set(label, message);
  }
  for (const label of [...byLabel.keys()].sort()) {
    const message = byLabel.get(label) as Message;
    events.push({ kind: "deliver", message, label: `deliver ${label}` });
    if (options.drops) events.push({ kind: "drop", message, label: `drop ${label}` });
  }
  for (const node of state.nodes) {
    const raft = node.raft.raft;
    if (raft.role === "leader") {
      events.push({ kind: "heartbeat", node: node.id, label: `heartbeat ${node.id}` });
      if (state.proposals < options.proposalsMax)
        events.push({ kind: "propose", node: node.id, label: `propose ${node.id}` });
    } else if (raft.term < options.termMax) {
      events.push({ kind: "timeout", node: node.id, label: `timeout ${node.id}` });
    }
    if (node.pending !== undefined)
      events.push({ kind: "persist", node: node.id, label: `persist ${node.id}` });
    if (state.crashes < options.crashesMax)
      events.push({ kind: "crash", node: node.id, label: `crash ${node.id}` });
  }
  return events;
}

function nodeOf(state: ClusterState, id: NodeId): HostNode {
  const node = state.nodes.find((candidate) => candidate.id === id);
  assert(node !== undefined, () => `no node ${id}`);
  return node;
}

/**
 * Runs one event on `state` (mutating it). An assertion failing inside Raft is recorded as the
 * state's violation: the real code detected an impossible situation, which is a finding too.
 */
export function applyEvent(state: ClusterState, event: ExploreEvent, options: ClusterOptions): void {
  try {
    runEvent(state, event, options);
  } catch (error) {
    state.violation ??= {
      invariant: "raftAssertion",
      message: `raft threw: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

function runEvent(state: ClusterState, event: ExploreEvent, options: ClusterOptions): void {
  if ("message" in event) runMessageEvent(state, event, options);
  else runNodeEvent(state, event, options);
}

function runMessageEvent(state: ClusterState, event: DeliveryEvent, options: ClusterOptions): void {
  // The event may come from the state this one was cloned from: find its copy by label.
  const wanted = messageLabel(event.message);
  const position = state.inFlight.findIndex((message) => messageLabel(message) === wanted);
  assert(position >= 0, () => `${event.label} is not in flight`);
  const message = state.inFlight[position] as Message;
  state.inFlight.splice(position, 1);
  if (event.kind === "drop") return;
  const node = nodeOf(state, message.to);
  node.raft.step(message);
  drive(state, node, options);
}

function runNodeEvent(state: ClusterState, event: NodeEvent, options: ClusterOptions): void {
  const node = nodeOf(state, event.node);
  switch (event.kind) {
    case "timeout":
      node.raft.campaign();
      break;
    case "heartbeat":
      node.raft.tick();
      break;
    case "propose":
      state.proposals++;
      node.raft.propose(new TextEncoder().encode(`p${state.proposals}`));
      break;
    case "crash":
      state.crashes++;
      node.pending = undefined;
      node.raft = newRaftNode(node.id, node.disk, options);
      break;
    case "persist":
      persist(state, node, options);
      break;
  }
  drive(state, node, options);
}

/** The host loop: hand out Readies until the node has nothing to do or waits for a persist event. */
function drive(state: ClusterState, node: HostNode, options: ClusterOptions): void {
  // Bounded: each round drains the node's work; a node that keeps producing Readies is a bug.
  for (let round = 0; round < 64; round++) {
    if (node.pending !== undefined || !node.raft.hasReady()) return;
    const ready = node.raft.ready();
    state.inFlight.push(...ready.messages);
    if (options.mutation === "acknowledgeBeforePersist") state.inFlight.push(...ready.messagesAfterPersist);
    node.pending = ready;
    // A Ready that needs no fdatasync (nothing, or only the commit index, to write) completes at
    // once: there is no window in which a crash could lose something the node promised.
    if (!options.persistAsEvent || !ready.mustSync) persist(state, node, options);
  }
  assert(false, () => `node ${node.id} keeps producing Readies`);
}

function persist(state: ClusterState, node: HostNode, options: ClusterOptions): void {
  const ready = node.pending;
  assert(ready !== undefined, () => `node ${node.id} has no Ready to persist`);
  assert(ready.snapshot === undefined, "the explored cluster never compacts, so no snapshot is sent");
  // Entries before the hard state that may refer to them (packages/raft README).
  node.disk.append(ready.entries);
  if (ready.hardState !== undefined) node.disk.setHardState(ready.hardState);
  if (options.mutation !== "acknowledgeBeforePersist") state.inFlight.push(...ready.messagesAfterPersist);
  for (const entry of ready.committedEntries) {
    state.violation ??= checkApplied(state.history, node.id, entry.index, entryView(entry));
  }
  node.pending = undefined;
  node.raft.advance();
}

/** Finds the enabled event with this label (for replay and scripted prefixes). */
export function eventByLabel(state: ClusterState, options: ClusterOptions, label: string): ExploreEvent {
  const event = enabledEvents(state, options).find((candidate) => candidate.label === label);
  if (event === undefined) {
    const enabled = enabledEvents(state, options)
      .map((candidate) => `  ${candidate.label}`)
      .join("\n");
    throw new Error(`event "${label}" is not enabled here; enabled:\n${enabled}`);
  }
  return event;
}

// ---------------------------------------------------------------- views, hashing, description

function entryView(entry: Entry): EntryView {
  return { term: entry.term, data: new TextDecoder().decode(entry.data) };
}

const everything = Number.MAX_SAFE_INTEGER as Bytes;

export function nodeView(node: HostNode): NodeView {
  const raft = node.raft.raft;
  const log = raft.log;
  const entries: EntryView[] = [{ term: 0, data: "" }];
  for (let index = 1; index < log.firstIndex(); index++)
    entries.push({ term: log.term(index as LogIndex) ?? -1, data: "snapshot" });
  for (const entry of log.slice(log.firstIndex(), (log.lastIndex() + 1) as LogIndex, everything) ?? [])
    entries.push(entryView(entry));
  const disk = node.disk;
  const durable: EntryView[] = [{ term: 0, data: "" }];
  for (let index = 1; index < disk.firstIndex(); index++)
    durable.push({ term: disk.term(index as LogIndex) ?? -1, data: "snapshot" });
  if (disk.lastIndex() >= disk.firstIndex()) {
    for (const entry of disk.entries(disk.firstIndex(), (disk.lastIndex() + 1) as LogIndex, everything))
      durable.push(entryView(entry));
  }
  return {
    id: node.id,
    role: raft.role,
    term: raft.term,
    committed: log.committed,
    log: entries,
    durableLog: durable,
  };
}

export function nodeViews(state: ClusterState): NodeView[] {
  return state.nodes.map(nodeView);
}

/**
 * The state's identity for pruning: a SHA-1 of the canonical encoding of every node (volatile Raft
 * state, pending Ready, durable storage), the sorted multiset of in-flight message labels, the
 * history and the event budgets spent. Hash compaction: two different states colliding in 160 bits
 * is not a practical concern at the sizes explored here.
 */
export function stateKey(state: ClusterState, ignored: ReadonlySet<string> = ignoredFields): string {
  const inFlight = state.inFlight.map(messageLabel).sort().join("\n");
  const encoded = [
    canonicalEncoding(
      state.nodes.map((node) => [node.raft, node.disk, node.pending]),
      ignored,
    ),
    inFlight,
    canonicalEncoding(state.history, ignored),
    `${state.proposals}/${state.crashes}`,
  ].join("|");
  return createHash("sha1").update(encoded).digest("base64");
}

function describeLog(log: readonly EntryView[]): string {
  return log
    .slice(1)
    .map((entry, i) => `${i + 1}/${entry.term}${entry.data === "" ? "" : `:${entry.data}`}`)
    .join(" ");
}

export function describeState(state: ClusterState): string {
  const lines: string[] = [];
  for (const node of state.nodes) {
    const view = nodeView(node);
    const hard = node.disk.hardStateForTesting();
    lines.push(
      `node ${node.id}: ${view.role} term=${view.term} vote=${node.raft.raft.vote} commit=${view.committed} log=[${describeLog(view.log)}]`,
      `  durable: term=${hard.term} vote=${hard.vote} commit=${hard.commit} log=[${describeLog(view.durableLog)}]${node.pending === undefined ? "" : " (a Ready is waiting to be persisted)"}`,
    );
  }
  const inFlight = state.inFlight.map(messageLabel).sort();
  lines.push(`in flight (${inFlight.length}):${inFlight.map((label) => `\n  ${label}`).join("")}`);
  return lines.join("\n");
}
