/** Shared helpers for driving single Raft nodes by hand in specification tests. */
import {
  groupId,
  type LogIndex,
  logIndex,
  type NodeId,
  nodeId,
  SeededRng,
  type Term,
  term,
  ticks,
} from "@helixlog/core";
import type { RaftOptions } from "../src/config.js";
import { RaftNode, type Ready } from "../src/raft-node.js";
import { MemoryStorage } from "../src/storage.js";
import type { ConfState, Entry, Message, OutgoingMessage } from "../src/types.js";

export const group = groupId(1);
export const textEncoder = new TextEncoder();

export function confState(voters: number[], learners: number[] = []): ConfState {
  return {
    voters: voters.map(nodeId),
    votersOutgoing: [],
    learners: learners.map(nodeId),
    learnersNext: [],
    autoLeave: false,
  };
}

export interface TestNode {
  readonly node: RaftNode;
  readonly storage: MemoryStorage;
}

export type TestOptions = Partial<Omit<RaftOptions, "id" | "group">>;

/**
 * A node of a bootstrapped cluster of `voters`, optionally with extra entries already durable in its
 * storage (given as terms, starting at index 2) and a hard state term.
 */
export function newNode(
  id: number,
  voters: number[],
  options: TestOptions = {},
  storage: MemoryStorage = MemoryStorage.bootstrapped(confState(voters)),
): TestNode {
  const node = new RaftNode(
    {
      electionTicks: ticks(10),
      heartbeatTicks: ticks(1),
      preVote: false,
      checkQuorum: false,
      rng: new SeededRng(id),
      ...options,
      id: nodeId(id),
      group,
    },
    storage,
  );
  return { node, storage };
}

/** Storage holding the bootstrap snapshot, then one entry per given term from index 2 on. */
export function storageWithLog(voters: number[], terms: number[], currentTerm?: number): MemoryStorage {
  const storage = MemoryStorage.bootstrapped(confState(voters));
  storage.append(terms.map((entryTerm, position) => entry(entryTerm, position + 2, `e${position + 2}`)));
  const lastTerm = terms[terms.length - 1] ?? 1;
  storage.setHardState({ term: term(currentTerm ?? lastTerm), vote: 0 as NodeId, commit: logIndex(1) });
  return storage;
}

export function entry(entryTerm: number, index: number, data = ""): Entry {
  return { term: term(entryTerm), index: logIndex(index), type: "normal", data: textEncoder.encode(data) };
}

/** Runs the host loop once like a careful host: persist, then collect every message. */
export function drain(test: TestNode): { ready: Ready[]; messages: Message[] } {
  const readies: Ready[] = [];
  const messages: Message[] = [];
  for (let round = 0; round < 50 && test.node.hasReady(); round++) {
    const ready = test.node.ready();
    readies.push(ready);
    messages.push(...ready.messages);
    if (ready.snapshot !== undefined) test.storage.applySnapshot(ready.snapshot);
    test.storage.append(ready.entries);
    if (ready.hardState !== undefined) test.storage.setHardState(ready.hardState);
    messages.push(...ready.messagesAfterPersist);
    test.node.advance();
  }
  return { ready: readies, messages };
}

export function messagesOf(test: TestNode): Message[] {
  return drain(test).messages;
}

/** A message from `from` to `to`, filling in the group. */
export function message(from: number, to: number, messageTerm: number, body: OutgoingMessage): Message {
  return { ...body, group, from: nodeId(from), to: nodeId(to), term: term(messageTerm) } as Message;
}

export function appendResponse(from: number, to: number, messageTerm: number, index: number): Message {
  return message(from, to, messageTerm, {
    type: "appendResponse",
    to: nodeId(to),
    index: logIndex(index),
    reject: false,
    hintIndex: 0 as LogIndex,
    hintTerm: 0 as Term,
  });
}

export function voteResponse(
  from: number,
  to: number,
  messageTerm: number,
  granted: boolean,
  pre = false,
): Message {
  return message(from, to, messageTerm, {
    type: pre ? "preVoteResponse" : "voteResponse",
    to: nodeId(to),
    reject: !granted,
  });
}

export function voteRequest(
  from: number,
  to: number,
  messageTerm: number,
  lastIndex: number,
  lastTerm: number,
  pre = false,
): Message {
  return message(from, to, messageTerm, {
    type: pre ? "requestPreVote" : "requestVote",
    to: nodeId(to),
    lastIndex: logIndex(lastIndex),
    lastTerm: term(lastTerm),
    transfer: false,
  });
}

export function appendEntries(
  from: number,
  to: number,
  messageTerm: number,
  prev: [index: number, term: number],
  entries: Entry[],
  commit: number,
): Message {
  return message(from, to, messageTerm, {
    type: "appendEntries",
    to: nodeId(to),
    prevIndex: logIndex(prev[0]),
    prevTerm: term(prev[1]),
    entries,
    commit: logIndex(commit),
  });
}

export function heartbeat(from: number, to: number, messageTerm: number, commit: number): Message {
  return message(from, to, messageTerm, {
    type: "heartbeat",
    to: nodeId(to),
    commit: logIndex(commit),
    context: "",
    sentAtTick: 0,
  });
}

/** Elects node `id` of a fresh cluster by hand: campaign, grant every vote, acknowledge the no-op. */
export function electLeader(test: TestNode, voters: number[]): void {
  test.node.campaign();
  drain(test);
  const raft = test.node.raft;
  for (const voter of voters) {
    if (voter === raft.id) continue;
    const pre = raft.role === "preCandidate";
    test.node.step(voteResponse(voter, raft.id, pre ? raft.term + 1 : raft.term, true, pre));
    drain(test);
    if (raft.role === "leader") break;
  }
  if (raft.role !== "leader") {
    for (const voter of voters) {
      if (voter !== raft.id) test.node.step(voteResponse(voter, raft.id, raft.term, true));
    }
    drain(test);
  }
}

export function tickTimes(test: TestNode, count: number): void {
  for (let i = 0; i < count; i++) test.node.tick();
}

type Narrow<M, T> = M extends { type: infer U } ? (T extends U ? M & { type: T } : never) : never;
/** The member(s) of the Message union whose type field can be T. */
type MessageOf<T extends Message["type"]> = Narrow<Message, T>;

export function ofType<T extends Message["type"]>(messages: Message[], type: T): MessageOf<T>[] {
  return messages.filter((candidate) => candidate.type === type) as MessageOf<T>[];
}
