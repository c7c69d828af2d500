/**
 * The classic consumer group coordinator (Kafka's GroupCoordinator, KIP-62/345/394 behaviour) as a pure
 * state machine: no timers, sockets or clock. Every call takes the current time; `tick(nowMs)` expires
 * sessions and phase deadlines. JoinGroup and SyncGroup answers may be delayed until a rebalance phase
 * completes, so those requests carry a token and their answers, like the group records to persist, are
 * collected with `takeReady()` (etcd's Ready pattern). Other calls answer at once.
 *
 * State machine (Kafka's GroupState):
 *   Empty → PreparingRebalance        a member joins (the phase then lasts at least the initial
 *                                     rebalance delay, extended while members keep arriving: Kafka's
 *                                     group.initial.rebalance.delay.ms / InitialDelayedJoin)
 *   PreparingRebalance → Completing   every member rejoined, or the rebalance timeout passed
 *   CompletingRebalance → Stable      the leader's SyncGroup delivered the assignments
 *   Stable/Completing → Preparing     a member joins with new protocols, leaves or expires
 *   any → Empty                       the last member leaves; Empty → Dead on DeleteGroups
 */
import { assert, limits, type Rng } from "@helixlog/core";
import type { StoredGroup } from "../backend.js";
import { wireErrorCode } from "../kafka-error-codes.js";
import type { JoinGroupResponse } from "../protocol/generated/join-group/types.gen.js";
import type { SyncGroupResponse } from "../protocol/generated/sync-group/types.gen.js";
import {
  type Group,
  type GroupState,
  type Member,
  type MemberProtocol,
  metadataFor,
  newGroup,
  type RequestToken,
  sameProtocols,
  selectProtocol,
  supportsGroupProtocols,
} from "./group.js";

export interface CoordinatorOptions {
  readonly rng: Rng;
  readonly groupsMax?: number;
  readonly membersPerGroupMax?: number;
  /**
   * Kafka's group.initial.rebalance.delay.ms; 0 (the default here, as in Kafka's own coordinator tests)
   * completes a first join as soon as every member joined. The listener passes
   * limits.kafkaGroupInitialRebalanceDelayMs.
   */
  readonly initialRebalanceDelayMs?: number;
}

export interface JoinInput {
  readonly groupId: string;
  /** "" on a member's first join. */
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly clientId: string;
  readonly clientHost: string;
  readonly sessionTimeoutMs: number;
  readonly rebalanceTimeoutMs: number;
  readonly protocolType: string;
  readonly protocols: readonly MemberProtocol[];
  /** JoinGroup v4+: a new dynamic member must rejoin with the id we hand out (KIP-394). */
  readonly requireKnownMemberId: boolean;
}

export interface SyncInput {
  readonly groupId: string;
  readonly generationId: number;
  readonly memberId: string;
  readonly groupInstanceId: string | null;
  readonly assignments: readonly { readonly memberId: string; readonly assignment: Uint8Array }[];
}

export interface MemberIdentity {
  readonly memberId: string;
  readonly groupInstanceId: string | null;
}

export interface GroupSummary {
  readonly groupId: string;
  readonly state: GroupState;
  readonly generationId: number;
  readonly protocolType: string;
  readonly protocolName: string;
  readonly members: readonly {
    readonly memberId: string;
    readonly groupInstanceId: string | null;
    readonly clientId: string;
    readonly clientHost: string;
    readonly metadata: Uint8Array;
    readonly assignment: Uint8Array;
  }[];
}

export interface CoordinatorReady {
  readonly joins: readonly { readonly token: RequestToken; readonly response: JoinGroupResponse }[];
  readonly syncs: readonly { readonly token: RequestToken; readonly response: SyncGroupResponse }[];
  /** Groups whose generation, members or assignment changed: persist before relying on them. */
  readonly groupsToStore: readonly StoredGroup[];
  readonly groupsToDelete: readonly string[];
}

export class GroupCoordinator {
  private readonly groups = new Map<string, Group>();
  private readonly rng: Rng;
  private readonly groupsMax: number;
  private readonly membersPerGroupMax: number;
  private readonly initialRebalanceDelayMs: number;
  private joins: { token: RequestToken; response: JoinGroupResponse }[] = [];
  private syncs: { token: RequestToken; response: SyncGroupResponse }[] = [];
  private readonly dirtyGroups = new Set<string>();
  private groupsToDelete: string[] = [];

  constructor(options: CoordinatorOptions) {
    this.rng = options.rng;
    this.groupsMax = options.groupsMax ?? limits.kafkaGroupsMax;
    this.membersPerGroupMax = options.membersPerGroupMax ?? limits.kafkaMembersPerGroupMax;
    this.initialRebalanceDelayMs = options.initialRebalanceDelayMs ?? 0;
    assert(this.groupsMax > 0 && this.membersPerGroupMax > 0, "coordinator bounds must be positive");
    assert(
      Number.isInteger(this.initialRebalanceDelayMs) &&
        this.initialRebalanceDelayMs >= 0 &&
        this.initialRebalanceDelayMs <= limits.kafkaRebalanceTimeoutMsMax,
      "the initial rebalance delay must be 0..kafkaRebalanceTimeoutMsMax ms",
    );
  }

  hasGroup(groupId: string): boolean {
    return this.groups.has(groupId);
  }

  /** Reinstates a group persisted by a previous coordinator: Stable with its members, sessions restarted. */
  restoreGroup(stored: StoredGroup, nowMs: number): void {
    assert(!this.groups.has(stored.groupId), "a group is restored only before it is first used");
    const group = newGroup(stored.groupId);
    group.generationId = stored.generationId;
    group.protocolType = stored.protocolType;
    group.protocolName = stored.protocolName;
    for (const record of stored.members) {
      group.members.set(record.memberId, {
        memberId: record.memberId,
        groupInstanceId: record.groupInstanceId,
        clientId: record.clientId,
        clientHost: record.clientHost,
        sessionTimeoutMs: record.sessionTimeoutMs,
        rebalanceTimeoutMs: record.rebalanceTimeoutMs,
        protocols: [{ name: stored.protocolName ?? "", metadata: record.metadata }],
        assignment: record.assignment,
        lastSeenMs: nowMs,
        pendingJoin: null,
        pendingSync: null,
      });
      if (record.groupInstanceId !== null) group.staticMembers.set(record.groupInstanceId, record.memberId);
    }
    group.leaderId = stored.leaderId !== null && group.members.has(stored.leaderId) ? stored.leaderId : null;
    group.state = group.members.size === 0 ? "Empty" : "Stable";
    this.groups.set(group.groupId, group);
  }

  onJoinGroup(token: RequestToken, input: JoinInput, nowMs: number): void {
    const refusal = this.refuseJoin(input);
    if (refusal !== undefined) {
      this.answerJoinError(token, input.memberId, refusal);
      return;
    }
    let group = this.groups.get(input.groupId);
    if (group === undefined) {
      if (input.memberId !== "") {
        this.answerJoinError(token, input.memberId, wireErrorCode.unknownMemberId);
        return;
      }
      if (this.groups.size >= this.groupsMax) {
        this.answerJoinError(token, input.memberId, wireErrorCode.coordinatorNotAvailable);
        return;
      }
      group = newGroup(input.groupId);
      this.groups.set(group.groupId, group);
    }
    if (!this.protocolsCompatible(group, input)) {
      this.answerJoinError(token, input.memberId, wireErrorCode.inconsistentGroupProtocol);
      return;
    }
    if (input.memberId === "") {
      this.joinUnknownMember(group, token, input, nowMs);
      return;
    }
    this.joinKnownMember(group, token, input, nowMs);
  }

  onSyncGroup(token: RequestToken, input: SyncInput, nowMs: number): void {
    const group = this.groups.get(input.groupId);
    if (group !== undefined && this.fencedInstance(group, input)) {
      this.answerSync(token, wireErrorCode.fencedInstanceId, null);
      return;
    }
    const member = group?.members.get(input.memberId);
    if (group === undefined || member === undefined) {
      this.answerSync(token, wireErrorCode.unknownMemberId, null);
      return;
    }
    if (input.generationId !== group.generationId) {
      this.answerSync(token, wireErrorCode.illegalGeneration, null);
      return;
    }
    member.lastSeenMs = nowMs;
    if (group.state === "PreparingRebalance") {
      this.answerSync(token, wireErrorCode.rebalanceInProgress, null);
      return;
    }
    if (group.state === "Stable") {
      this.answerSync(token, wireErrorCode.none, member.assignment, group);
      return;
    }
    assert(group.state === "CompletingRebalance", "a group with members is never Empty or Dead");
    if (member.pendingSync !== null)
      this.answerSync(member.pendingSync, wireErrorCode.rebalanceInProgress, null);
    member.pendingSync = token;
    if (member.memberId === group.leaderId) this.completeSync(group, input.assignments);
  }

  /** Heartbeat: keeps the session alive and tells the member whether a rebalance is under way. */
  onHeartbeat(
    input: MemberIdentity & { readonly groupId: string; readonly generationId: number },
    nowMs: number,
  ): number {
    const group = this.groups.get(input.groupId);
    if (group !== undefined && this.fencedInstance(group, input)) return wireErrorCode.fencedInstanceId;
    const member = group?.members.get(input.memberId);
    if (group === undefined || member === undefined) return wireErrorCode.unknownMemberId;
    if (input.generationId !== group.generationId) return wireErrorCode.illegalGeneration;
    member.lastSeenMs = nowMs;
    // As in Kafka: between its JoinGroup answer and the assignment a member may heartbeat (NONE); only a
    // rebalance still gathering members sends it back to rejoin.
    return group.state === "PreparingRebalance" ? wireErrorCode.rebalanceInProgress : wireErrorCode.none;
  }

  /** LeaveGroup for each identity (v3+ batches them); returns one error code per identity. */
  onLeaveGroup(groupId: string, leaving: readonly MemberIdentity[], nowMs: number): number[] {
    const group = this.groups.get(groupId);
    if (group === undefined) return leaving.map(() => wireErrorCode.unknownMemberId);
    const results = leaving.map((identity) => this.leaveOne(group, identity));
    if (results.some((code) => code === wireErrorCode.none)) this.onMembershipShrunk(group, nowMs);
    return results;
  }

  /**
   * Whether a member may commit offsets for `generationId` (KIP-345/KIP-394 fencing). Generation -1 with
   * an empty member id is a commit from outside the group protocol (admin, assign()), accepted only while
   * the group has no members (creating it Empty, so it is listed). Returns a wire error code.
   */
  validateOffsetCommit(
    input: MemberIdentity & { readonly groupId: string; readonly generationId: number },
    nowMs: number,
  ): number {
    let group = this.groups.get(input.groupId);
    if (input.generationId < 0 && input.memberId === "") {
      if (group !== undefined && group.members.size > 0) return wireErrorCode.unknownMemberId;
      if (group === undefined) {
        if (this.groups.size >= this.groupsMax) return wireErrorCode.coordinatorNotAvailable;
        group = newGroup(input.groupId);
        this.groups.set(group.groupId, group);
      }
      return wireErrorCode.none;
    }
    if (group !== undefined && this.fencedInstance(group, input)) return wireErrorCode.fencedInstanceId;
    const member = group?.members.get(input.memberId);
    if (group === undefined || member === undefined) return wireErrorCode.unknownMemberId;
    if (input.generationId !== group.generationId) return wireErrorCode.illegalGeneration;
    // As in Kafka: a member of the current generation may commit while the group prepares a rebalance
    // (clients commit what they consumed before they rejoin: the Java consumer and kafka-python in
    // onJoinPrepare; refusing it redelivers that work to the next owner), but not once the join
    // completed and the assignment is not out yet.
    if (group.state === "CompletingRebalance") return wireErrorCode.rebalanceInProgress;
    member.lastSeenMs = nowMs;
    return wireErrorCode.none;
  }

  describeGroup(groupId: string): GroupSummary | undefined {
    const group = this.groups.get(groupId);
    if (group === undefined) return undefined;
    const stable = group.state === "Stable";
    return {
      groupId,
      state: group.state,
      generationId: group.generationId,
      protocolType: group.protocolType ?? "",
      protocolName: stable ? (group.protocolName ?? "") : "",
      members: [...group.members.values()].map((member) => ({
        memberId: member.memberId,
        groupInstanceId: member.groupInstanceId,
        clientId: member.clientId,
        clientHost: member.clientHost,
        metadata: stable ? metadataFor(member, group.protocolName) : new Uint8Array(0),
        assignment: stable ? member.assignment : new Uint8Array(0),
      })),
    };
  }

  listGroups(): { readonly groupId: string; readonly protocolType: string; readonly state: GroupState }[] {
    return [...this.groups.values()].map((group) => ({
      groupId: group.groupId,
      protocolType: group.protocolType ?? "",
      state: group.state,
    }));
  }

  /**
   * Drops a group this node no longer coordinates, persisting nothing: its new coordinator reloads it
   * from the backend. Members waiting in a join or sync are answered with `errorCode` (NOT_COORDINATOR),
   * so their clients look the coordinator up again.
   */
  forgetGroup(groupId: string, errorCode: number): void {
    const group = this.groups.get(groupId);
    if (group === undefined) return;
    for (const member of group.members.values()) this.answerPending(member, errorCode);
    this.groups.delete(groupId);
    this.dirtyGroups.delete(groupId);
  }

  /**
   * The group record `takeReady()` handed out for `generationId` could not be stored (Kafka's
   * resetAndPropagateAssignmentError, then a rebalance): the assignment it carried is not durable, so a
   * failover could bring back an older generation. If the group is still at that generation and Stable,
   * its assignments are cleared and it rebalances; members learn it from their next heartbeat or
   * SyncGroup (REBALANCE_IN_PROGRESS) and rejoin. The caller answers the SyncGroups that waited for the
   * store with an error itself. A group that has moved on since is left alone.
   */
  onStoreFailed(groupId: string, generationId: number, nowMs: number): void {
    const group = this.groups.get(groupId);
    if (group === undefined || group.generationId !== generationId || group.state !== "Stable") return;
    for (const member of group.members.values()) member.assignment = new Uint8Array(0);
    this.prepareRebalance(group, nowMs);
  }

  /** DeleteGroups: only an Empty group can go (NON_EMPTY_GROUP otherwise); its stored state goes too. */
  deleteGroup(groupId: string): number {
    const group = this.groups.get(groupId);
    if (group === undefined) return wireErrorCode.groupIdNotFound;
    if (group.members.size > 0) return wireErrorCode.nonEmptyGroup;
    group.state = "Dead";
    this.groups.delete(groupId);
    this.dirtyGroups.delete(groupId);
    this.groupsToDelete.push(groupId);
    return wireErrorCode.none;
  }

  /** Advances time: expires lapsed member ids, dead sessions and overdue rebalance phases. */
  tick(nowMs: number): void {
    for (const group of [...this.groups.values()]) {
      for (const [memberId, deadline] of group.pendingMemberIds)
        if (deadline <= nowMs) group.pendingMemberIds.delete(memberId);
      const expired = [...group.members.values()].filter(
        (member) =>
          member.pendingJoin === null &&
          member.pendingSync === null &&
          nowMs - member.lastSeenMs >= member.sessionTimeoutMs,
      );
      for (const member of expired) this.removeMember(group, member, wireErrorCode.unknownMemberId);
      if (expired.length > 0) this.onMembershipShrunk(group, nowMs);
      if (group.state === "PreparingRebalance" && group.phaseDeadlineMs <= nowMs) {
        const initial = group.initialJoin;
        if (initial?.newMemberAdded && initial.remainingMs > 0) {
          // Kafka's InitialDelayedJoin: someone arrived during the delay, so wait once more for others.
          const delayMs = Math.min(this.initialRebalanceDelayMs, initial.remainingMs);
          group.initialJoin = {
            remainingMs: Math.max(initial.remainingMs - delayMs, 0),
            newMemberAdded: false,
          };
          group.phaseDeadlineMs = nowMs + delayMs;
        } else {
          this.completeJoin(group, nowMs, true);
        }
      }
      if (group.state === "CompletingRebalance" && group.phaseDeadlineMs <= nowMs)
        this.prepareRebalance(group, nowMs);
    }
  }

  /** Collects delayed answers and persistence work produced since the last call. */
  takeReady(): CoordinatorReady {
    const ready: CoordinatorReady = {
      joins: this.joins,
      syncs: this.syncs,
      groupsToStore: [...this.dirtyGroups].flatMap((groupId) => {
        const group = this.groups.get(groupId);
        return group === undefined ? [] : [storedGroup(group)];
      }),
      groupsToDelete: this.groupsToDelete,
    };
    this.joins = [];
    this.syncs = [];
    this.dirtyGroups.clear();
    this.groupsToDelete = [];
    return ready;
  }

  private refuseJoin(input: JoinInput): number | undefined {
    if (input.groupId === "" || input.groupId.length > limits.kafkaGroupNameLengthMax)
      return wireErrorCode.invalidGroupId;
    if (input.memberId.length > limits.kafkaGroupNameLengthMax) return wireErrorCode.invalidRequest;
    if (
      input.sessionTimeoutMs < limits.kafkaSessionTimeoutMsMin ||
      input.sessionTimeoutMs > limits.kafkaSessionTimeoutMsMax ||
      input.rebalanceTimeoutMs > limits.kafkaRebalanceTimeoutMsMax
    )
      return wireErrorCode.invalidSessionTimeout;
    if (
      input.protocols.length === 0 ||
      input.protocols.length > limits.kafkaProtocolsPerMemberMax ||
      input.protocolType === ""
    )
      return wireErrorCode.inconsistentGroupProtocol;
    return undefined;
  }

  private protocolsCompatible(group: Group, input: JoinInput): boolean {
    if (group.members.size === 0) return true;
    if (group.protocolType !== input.protocolType) return false;
    const others = [...group.members.values()].filter((member) => member.memberId !== input.memberId);
    return supportsGroupProtocols(
      { ...group, members: new Map(others.map((member) => [member.memberId, member])) },
      input.protocols,
    );
  }

  private joinUnknownMember(group: Group, token: RequestToken, input: JoinInput, nowMs: number): void {
    if (group.members.size + group.pendingMemberIds.size >= this.membersPerGroupMax) {
      this.answerJoinError(token, "", wireErrorCode.groupMaxSizeReached);
      return;
    }
    const memberId = `${input.clientId}-${this.randomSuffix()}`;
    if (input.groupInstanceId !== null) {
      const previousId = group.staticMembers.get(input.groupInstanceId);
      if (previousId !== undefined) {
        this.replaceStaticMember(group, previousId, memberId, token, input, nowMs);
        return;
      }
    } else if (input.requireKnownMemberId) {
      // KIP-394: the member id is handed out first, so a client that times out and retries does not
      // leave orphan members behind; the member counts only once it joins with this id.
      group.pendingMemberIds.set(memberId, nowMs + input.sessionTimeoutMs);
      this.answerJoinError(token, memberId, wireErrorCode.memberIdRequired);
      return;
    }
    this.addMember(group, memberId, token, input, nowMs);
  }

  private joinKnownMember(group: Group, token: RequestToken, input: JoinInput, nowMs: number): void {
    if (group.pendingMemberIds.delete(input.memberId)) {
      this.addMember(group, input.memberId, token, input, nowMs);
      return;
    }
    if (this.fencedInstance(group, input)) {
      this.answerJoinError(token, input.memberId, wireErrorCode.fencedInstanceId);
      return;
    }
    const member = group.members.get(input.memberId);
    if (member === undefined) {
      this.answerJoinError(token, input.memberId, wireErrorCode.unknownMemberId);
      return;
    }
    const protocolsChanged = !sameProtocols(member.protocols, input.protocols);
    updateMember(member, input, nowMs);
    if (group.state === "PreparingRebalance") {
      this.awaitJoin(group, member, token, nowMs);
      return;
    }
    // Kafka answers an unchanged member with the current generation rather than rebalancing: any member
    // while the assignment is awaited (it may have missed its JoinGroup answer), a follower when Stable
    // (a Stable leader's JoinGroup asks for a rebalance, e.g. after topic metadata changed).
    const current =
      !protocolsChanged &&
      (group.state === "CompletingRebalance" ||
        (group.state === "Stable" && member.memberId !== group.leaderId));
    if (current) {
      this.joins.push({ token, response: this.joinResponse(group, member, wireErrorCode.none) });
      return;
    }
    this.prepareRebalance(group, nowMs);
    this.awaitJoin(group, member, token, nowMs);
  }

  private replaceStaticMember(
    group: Group,
    previousId: string,
    memberId: string,
    token: RequestToken,
    input: JoinInput,
    nowMs: number,
  ): void {
    const previous = group.members.get(previousId);
    assert(previous !== undefined, "a static member id always names a member");
    // KIP-345: the new member id fences the old one; its pending requests learn they were fenced.
    this.answerPending(previous, wireErrorCode.fencedInstanceId);
    group.members.delete(previousId);
    const member: Member = { ...previous, memberId, pendingJoin: null, pendingSync: null };
    group.members.set(memberId, member);
    group.staticMembers.set(input.groupInstanceId ?? "", memberId);
    if (group.leaderId === previousId) group.leaderId = memberId;
    updateMember(member, input, nowMs);
    // As in Kafka: a static member returning to a Stable group keeps its assignment, with no rebalance,
    // unless the protocol the group would now select changes. Its metadata may well differ: a restarted
    // cooperative-sticky consumer owns no partitions yet (KIP-429), so comparing it rebalanced every time.
    if (group.state === "Stable" && selectProtocol(group.members.values()) === group.protocolName) {
      this.dirtyGroups.add(group.groupId);
      this.joins.push({ token, response: this.joinResponse(group, member, wireErrorCode.none) });
      return;
    }
    if (group.state !== "PreparingRebalance") this.prepareRebalance(group, nowMs);
    this.awaitJoin(group, member, token, nowMs);
  }

  private addMember(
    group: Group,
    memberId: string,
    token: RequestToken,
    input: JoinInput,
    nowMs: number,
  ): void {
    if (group.members.size >= this.membersPerGroupMax) {
      this.answerJoinError(token, memberId, wireErrorCode.groupMaxSizeReached);
      return;
    }
    const member: Member = {
      memberId,
      groupInstanceId: input.groupInstanceId,
      clientId: input.clientId,
      clientHost: input.clientHost,
      sessionTimeoutMs: input.sessionTimeoutMs,
      rebalanceTimeoutMs: input.rebalanceTimeoutMs,
      protocols: input.protocols,
      assignment: new Uint8Array(0),
      lastSeenMs: nowMs,
      pendingJoin: null,
      pendingSync: null,
    };
    if (group.members.size === 0) group.protocolType = input.protocolType;
    const fromEmpty = group.state === "Empty";
    group.members.set(memberId, member);
    if (input.groupInstanceId !== null) group.staticMembers.set(input.groupInstanceId, memberId);
    if (group.initialJoin !== null) group.initialJoin.newMemberAdded = true;
    if (group.state !== "PreparingRebalance") this.prepareRebalance(group, nowMs);
    if (fromEmpty && this.initialRebalanceDelayMs > 0) {
      // Kafka waits the whole delay first; here never past the member's rebalance timeout either.
      const delayMs = Math.min(this.initialRebalanceDelayMs, member.rebalanceTimeoutMs);
      group.phaseDeadlineMs = nowMs + delayMs;
      group.initialJoin = { remainingMs: member.rebalanceTimeoutMs - delayMs, newMemberAdded: false };
    }
    this.awaitJoin(group, member, token, nowMs);
  }

  private awaitJoin(group: Group, member: Member, token: RequestToken, nowMs: number): void {
    if (member.pendingJoin !== null)
      this.answerJoinError(member.pendingJoin, member.memberId, wireErrorCode.rebalanceInProgress);
    member.pendingJoin = token;
    this.maybeCompleteJoin(group, nowMs);
  }

  private prepareRebalance(group: Group, nowMs: number): void {
    assert(group.members.size > 0, "only a group with members rebalances");
    for (const member of group.members.values()) {
      if (member.pendingSync !== null)
        this.answerSync(member.pendingSync, wireErrorCode.rebalanceInProgress, null);
      member.pendingSync = null;
    }
    const rebalanceTimeoutMs = Math.max(
      ...[...group.members.values()].map((member) => member.rebalanceTimeoutMs),
    );
    group.state = "PreparingRebalance";
    group.phaseDeadlineMs = nowMs + rebalanceTimeoutMs;
  }

  private maybeCompleteJoin(group: Group, nowMs: number): void {
    // The initial delay is waited out even when everyone is there (tick completes it).
    if (group.state !== "PreparingRebalance" || group.initialJoin !== null) return;
    if ([...group.members.values()].every((member) => member.pendingJoin !== null))
      this.completeJoin(group, nowMs, false);
  }

  /** Ends the join phase: members that did not rejoin are dropped and a new generation begins. */
  private completeJoin(group: Group, nowMs: number, timedOut: boolean): void {
    group.initialJoin = null;
    if (timedOut) {
      for (const member of [...group.members.values()])
        if (member.pendingJoin === null) this.removeMember(group, member, wireErrorCode.unknownMemberId);
    }
    group.generationId += 1;
    if (group.members.size === 0) {
      this.becomeEmpty(group);
      return;
    }
    const protocolName = selectProtocol(group.members.values());
    assert(protocolName !== undefined, "joins are admitted only with a protocol every member supports");
    group.protocolName = protocolName;
    if (group.leaderId === null || !group.members.has(group.leaderId))
      group.leaderId = group.members.keys().next().value ?? null;
    group.state = "CompletingRebalance";
    group.phaseDeadlineMs =
      nowMs + Math.max(...[...group.members.values()].map((member) => member.rebalanceTimeoutMs));
    for (const member of group.members.values()) {
      member.assignment = new Uint8Array(0);
      member.lastSeenMs = nowMs;
      if (member.pendingJoin === null) continue;
      this.joins.push({
        token: member.pendingJoin,
        response: this.joinResponse(group, member, wireErrorCode.none),
      });
      member.pendingJoin = null;
    }
  }

  private completeSync(group: Group, assignments: SyncInput["assignments"]): void {
    const byMember = new Map(assignments.map((entry) => [entry.memberId, entry.assignment]));
    group.state = "Stable";
    for (const member of group.members.values()) {
      member.assignment = byMember.get(member.memberId)?.slice() ?? new Uint8Array(0);
      if (member.pendingSync !== null)
        this.answerSync(member.pendingSync, wireErrorCode.none, member.assignment, group);
      member.pendingSync = null;
    }
    this.dirtyGroups.add(group.groupId);
  }

  private leaveOne(group: Group, identity: MemberIdentity): number {
    let memberId = identity.memberId;
    if (identity.groupInstanceId !== null) {
      const current = group.staticMembers.get(identity.groupInstanceId);
      if (current === undefined) return wireErrorCode.unknownMemberId;
      if (memberId !== "" && memberId !== current) return wireErrorCode.fencedInstanceId;
      memberId = current;
    }
    const member = group.members.get(memberId);
    if (member === undefined) return wireErrorCode.unknownMemberId;
    this.removeMember(group, member, wireErrorCode.unknownMemberId);
    return wireErrorCode.none;
  }

  /** After members left or expired: rebalance the rest, or finish a join phase that now has everyone. */
  private onMembershipShrunk(group: Group, nowMs: number): void {
    if (group.members.size === 0) {
      if (group.state !== "Empty") group.generationId += 1;
      this.becomeEmpty(group);
      return;
    }
    if (group.state === "PreparingRebalance") {
      this.maybeCompleteJoin(group, nowMs);
      return;
    }
    this.prepareRebalance(group, nowMs);
  }

  private removeMember(group: Group, member: Member, pendingErrorCode: number): void {
    this.answerPending(member, pendingErrorCode);
    group.members.delete(member.memberId);
    if (member.groupInstanceId !== null) group.staticMembers.delete(member.groupInstanceId);
    if (group.leaderId === member.memberId) group.leaderId = null;
  }

  private becomeEmpty(group: Group): void {
    group.initialJoin = null;
    group.state = "Empty";
    group.protocolName = null;
    group.leaderId = null;
    this.dirtyGroups.add(group.groupId);
  }

  private answerPending(member: Member, errorCode: number): void {
    if (member.pendingJoin !== null) this.answerJoinError(member.pendingJoin, member.memberId, errorCode);
    if (member.pendingSync !== null) this.answerSync(member.pendingSync, errorCode, null);
    member.pendingJoin = null;
    member.pendingSync = null;
  }

  private fencedInstance(group: Group, identity: MemberIdentity): boolean {
    if (identity.groupInstanceId === null) return false;
    const current = group.staticMembers.get(identity.groupInstanceId);
    return current !== undefined && current !== identity.memberId;
  }

  private joinResponse(group: Group, member: Member, errorCode: number): JoinGroupResponse {
    const isLeader = member.memberId === group.leaderId;
    return {
      throttleTimeMs: 0,
      errorCode,
      generationId: group.generationId,
      protocolType: group.protocolType,
      protocolName: group.protocolName,
      leader: group.leaderId ?? "",
      skipAssignment: false,
      memberId: member.memberId,
      // Only the leader learns the members and their metadata: it runs the client-side assignor.
      members: isLeader
        ? [...group.members.values()].map((each) => ({
            memberId: each.memberId,
            groupInstanceId: each.groupInstanceId,
            metadata: metadataFor(each, group.protocolName),
          }))
        : [],
    };
  }

  private answerJoinError(token: RequestToken, memberId: string, errorCode: number): void {
    this.joins.push({
      token,
      response: {
        throttleTimeMs: 0,
        errorCode,
        generationId: -1,
        protocolType: null,
        protocolName: null,
        leader: "",
        skipAssignment: false,
        memberId,
        members: [],
      },
    });
  }

  private answerSync(
    token: RequestToken,
    errorCode: number,
    assignment: Uint8Array | null,
    group?: Group,
  ): void {
    this.syncs.push({
      token,
      response: {
        throttleTimeMs: 0,
        errorCode,
        protocolType: group?.protocolType ?? null,
        protocolName: group?.protocolName ?? null,
        assignment: assignment ?? new Uint8Array(0),
      },
    });
  }

  private randomSuffix(): string {
    const words = [
      this.rng.nextUint32(),
      this.rng.nextUint32(),
      this.rng.nextUint32(),
      this.rng.nextUint32(),
    ];
    return words.map((word) => word.toString(16).padStart(8, "0")).join("");
  }
}

function updateMember(member: Member, input: JoinInput, nowMs: number): void {
  member.protocols = input.protocols;
  member.sessionTimeoutMs = input.sessionTimeoutMs;
  member.rebalanceTimeoutMs = input.rebalanceTimeoutMs;
  member.clientId = input.clientId;
  member.clientHost = input.clientHost;
  member.lastSeenMs = nowMs;
}

function storedGroup(group: Group): StoredGroup {
  return {
    groupId: group.groupId,
    generationId: group.generationId,
    protocolType: group.protocolType,
    protocolName: group.protocolName,
    leaderId: group.leaderId,
    members: [...group.members.values()].map((member) => ({
      memberId: member.memberId,
      groupInstanceId: member.groupInstanceId,
      clientId: member.clientId,
      clientHost: member.clientHost,
      sessionTimeoutMs: member.sessionTimeoutMs,
      rebalanceTimeoutMs: member.rebalanceTimeoutMs,
      metadata: metadataFor(member, group.protocolName),
      assignment: member.assignment,
    })),
  };
}
