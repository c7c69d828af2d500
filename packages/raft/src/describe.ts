/** Readable one-line descriptions of messages and Readies, for transcripts and failure output. */
import { describeEntries } from "./entries.js";
import type { Ready } from "./raft-node.js";
import type { Message } from "./types.js";

export function describeMessage(message: Message): string {
  const head = `${message.from}->${message.to} ${message.type} term=${message.term}`;
  switch (message.type) {
    case "appendEntries":
      return `${head} prev=${message.prevTerm}/${message.prevIndex} commit=${message.commit} entries=[${describeEntries(message.entries)}]`;
    case "appendResponse":
      return message.reject
        ? `${head} reject index=${message.index} hint=${message.hintTerm}/${message.hintIndex}`
        : `${head} index=${message.index}`;
    case "requestVote":
    case "requestPreVote":
      return `${head} last=${message.lastTerm}/${message.lastIndex}${message.transfer ? " transfer" : ""}`;
    case "voteResponse":
    case "preVoteResponse":
      return `${head} ${message.reject ? "reject" : "grant"}`;
    case "heartbeat":
      return `${head} commit=${message.commit}${message.context === "" ? "" : ` context=${message.context}`}`;
    case "heartbeatResponse":
      return `${head}${message.context === "" ? "" : ` context=${message.context}`}`;
    case "installSnapshot":
      return `${head} snapshot=${message.metadata.term}/${message.metadata.index} bytes=${message.offset}+${message.data.byteLength}/${message.totalBytes} voters=(${message.metadata.confState.voters.join(" ")})`;
    case "snapshotResponse":
      return `${head} snapshot=${message.snapshotIndex} next=${message.nextOffset}${message.reject ? " reject" : ""}`;
    case "timeoutNow":
      return head;
    case "readIndex":
      return `${head} context=${message.context}`;
    case "readIndexResponse":
      return `${head} context=${message.context} index=${message.index}`;
  }
}

export function describeReady(ready: Ready): string {
  const lines: string[] = [];
  if (ready.softState !== undefined)
    lines.push(`soft: ${ready.softState.role} leader=${ready.softState.leader}`);
  if (ready.hardState !== undefined) {
    const hard = ready.hardState;
    lines.push(`hard: term=${hard.term} vote=${hard.vote} commit=${hard.commit}`);
  }
  if (ready.snapshot !== undefined)
    lines.push(`snapshot: ${ready.snapshot.metadata.term}/${ready.snapshot.metadata.index}`);
  if (ready.entries.length > 0) lines.push(`entries: ${describeEntries(ready.entries)}`);
  if (ready.committedEntries.length > 0) lines.push(`committed: ${describeEntries(ready.committedEntries)}`);
  for (const message of ready.messages) lines.push(`send now: ${describeMessage(message)}`);
  for (const message of ready.messagesAfterPersist)
    lines.push(`send after persist: ${describeMessage(message)}`);
  for (const read of ready.readStates) lines.push(`read: ${read.context} at ${read.index}`);
  return lines.join("\n");
}
