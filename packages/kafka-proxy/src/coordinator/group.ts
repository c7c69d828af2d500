/**
 * The in-memory shape of one classic consumer group and the pure helpers the coordinator computes with.
 * Mirrors Kafka's GroupMetadata/MemberMetadata (kafka.coordinator.group), without the timers: deadlines
 * are plain numbers the coordinator compares with the time it is given.
 */

export type GroupState = "Empty" | "PreparingRebalance" | "CompletingRebalance" | "Stable" | "Dead";

/** An opaque handle for a JoinGroup or SyncGroup request whose answer may come later. */
export type RequestToken = number;

export interface MemberProtocol {
  readonly name: string;
  readonly metadata: Uint8Array;
}

export interface Member {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  clientId: string;
  clientHost: string;
  sessionTimeoutMs: number;
  rebalanceTimeoutMs: number;
  /** In the member's order of preference. */
  protocols: readonly MemberProtocol[];
  /** What SyncGroup gave it in the current generation; empty until then. */
  assignment: Uint8Array;
  /** The member's last sign of life (join, sync, heartbeat, commit), for session expiry. */
  lastSeenMs: number;
  /** A JoinGroup waiting for the rebalance to complete; the member cannot expire while it waits. */
  pendingJoin: RequestToken | null;
  /** A SyncGroup waiting for the leader's assignment; the member cannot expire while it waits. */
  pendingSync: RequestToken | null;
}

export interface Group {
  readonly groupId: string;
  state: GroupState;
  /** Invariant: only increases, by one per completed join phase (and when the group empties). */
  generationId: number;
  protocolType: string | null;
  /** The protocol every member supports, chosen when the join phase completes; null while Empty. */
  protocolName: string | null;
  /** Invariant: null or the id of a member. */
  leaderId: string | null;
  readonly members: Map<string, Member>;
  /** Static members (KIP-345): group.instance.id → current member id. */
  readonly staticMembers: Map<string, string>;
  /** KIP-394: member ids handed out with MEMBER_ID_REQUIRED, with the time they lapse if unused. */
  readonly pendingMemberIds: Map<string, number>;
  /** When the current join (PreparingRebalance) or sync (CompletingRebalance) phase gives up waiting. */
  phaseDeadlineMs: number;
  /**
   * The first join phase of a group that was Empty (Kafka's InitialDelayedJoin): it ends only at
   * `phaseDeadlineMs`, even when every member has joined, and extends by the initial delay (at most by
   * `remainingMs` in all) when a new member joined since the deadline was set. Null otherwise.
   */
  initialJoin: { remainingMs: number; newMemberAdded: boolean } | null;
}

export function newGroup(groupId: string): Group {
  return {
    groupId,
    state: "Empty",
    generationId: 0,
    protocolType: null,
    protocolName: null,
    leaderId: null,
    members: new Map(),
    staticMembers: new Map(),
    pendingMemberIds: new Map(),
    phaseDeadlineMs: 0,
    initialJoin: null,
  };
}

/**
 * The protocol the group will use: among the protocols every member supports, the one with the most
 * votes when each member votes for its most preferred candidate (Kafka's GroupMetadata.selectProtocol).
 * Undefined when the members share none.
 */
export function selectProtocol(members: Iterable<Member>): string | undefined {
  const list = [...members];
  const first = list[0];
  if (first === undefined) return undefined;
  const candidates = first.protocols
    .map((protocol) => protocol.name)
    .filter((name) => list.every((member) => member.protocols.some((protocol) => protocol.name === name)));
  if (candidates.length === 0) return undefined;
  const votes = new Map<string, number>();
  for (const member of list) {
    const vote = member.protocols.find((protocol) => candidates.includes(protocol.name))?.name;
    if (vote !== undefined) votes.set(vote, (votes.get(vote) ?? 0) + 1);
  }
  let best = candidates[0]!;
  for (const name of candidates) if ((votes.get(name) ?? 0) > (votes.get(best) ?? 0)) best = name;
  return best;
}

/** Whether `protocols` shares at least one name with what the group's members all support. */
export function supportsGroupProtocols(group: Group, protocols: readonly MemberProtocol[]): boolean {
  if (group.members.size === 0) return true;
  return protocols.some((protocol) =>
    [...group.members.values()].every((member) => member.protocols.some((own) => own.name === protocol.name)),
  );
}

export function metadataFor(member: Member, protocolName: string | null): Uint8Array {
  return member.protocols.find((protocol) => protocol.name === protocolName)?.metadata ?? new Uint8Array(0);
}

export function sameProtocols(left: readonly MemberProtocol[], right: readonly MemberProtocol[]): boolean {
  return (
    left.length === right.length &&
    left.every((protocol, index) => {
      const other = right[index];
      return (
        other !== undefined && other.name === protocol.name && bytesEqual(other.metadata, protocol.metadata)
      );
    })
  );
}

function bytesEqual(left: Uint8Array, right: Uint8Array): boolean {
  if (left.length !== right.length) return false;
  for (let index = 0; index < left.length; index++) if (left[index] !== right[index]) return false;
  return true;
}
