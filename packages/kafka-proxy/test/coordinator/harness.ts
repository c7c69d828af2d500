/** A tiny driver for GroupCoordinator tests: issues tokens and collects the answers each call produced. */
import { SeededRng } from "@helixlog/core";
import {
  type CoordinatorReady,
  GroupCoordinator,
  type JoinInput,
} from "../../src/coordinator/group-coordinator.js";
import type { JoinGroupResponse } from "../../src/protocol/generated/join-group/types.gen.js";
import type { SyncGroupResponse } from "../../src/protocol/generated/sync-group/types.gen.js";

export const sessionTimeoutMs = 6_000;
export const rebalanceTimeoutMs = 10_000;
export const groupId = "payments";

export class Harness {
  readonly coordinator: GroupCoordinator;
  nowMs = 1_000_000;
  private nextToken = 1;
  readonly joins = new Map<number, JoinGroupResponse>();
  readonly syncs = new Map<number, SyncGroupResponse>();
  stored: CoordinatorReady["groupsToStore"][number][] = [];

  constructor(
    options: { membersPerGroupMax?: number; seed?: number; initialRebalanceDelayMs?: number } = {},
  ) {
    this.coordinator = new GroupCoordinator({ rng: new SeededRng(options.seed ?? 1), ...options });
  }

  join(memberId: string, overrides: Partial<JoinInput> = {}): number {
    const token = this.nextToken++;
    this.coordinator.onJoinGroup(
      token,
      {
        groupId,
        memberId,
        groupInstanceId: null,
        clientId: "client",
        clientHost: "127.0.0.1",
        sessionTimeoutMs,
        rebalanceTimeoutMs,
        protocolType: "consumer",
        protocols: [{ name: "range", metadata: new Uint8Array([1]) }],
        requireKnownMemberId: true,
        ...overrides,
      },
      this.nowMs,
    );
    this.collect();
    return token;
  }

  /** Joins as a brand-new dynamic member (KIP-394 round trip) and returns the join token and member id. */
  joinNew(overrides: Partial<JoinInput> = {}): { token: number; memberId: string } {
    const first = this.joins.get(this.join("", overrides));
    const memberId = first?.memberId ?? "";
    return { token: this.join(memberId, overrides), memberId };
  }

  sync(
    memberId: string,
    generationId: number,
    assignments: { memberId: string; assignment: Uint8Array }[] = [],
  ): number {
    const token = this.nextToken++;
    this.coordinator.onSyncGroup(
      token,
      { groupId, generationId, memberId, groupInstanceId: null, assignments },
      this.nowMs,
    );
    this.collect();
    return token;
  }

  heartbeat(memberId: string, generationId: number, groupInstanceId: string | null = null): number {
    return this.coordinator.onHeartbeat({ groupId, memberId, generationId, groupInstanceId }, this.nowMs);
  }

  commit(memberId: string, generationId: number): number {
    return this.coordinator.validateOffsetCommit(
      { groupId, memberId, generationId, groupInstanceId: null },
      this.nowMs,
    );
  }

  advance(milliseconds: number): void {
    this.nowMs += milliseconds;
    this.coordinator.tick(this.nowMs);
    this.collect();
  }

  describe() {
    return this.coordinator.describeGroup(groupId);
  }

  private collect(): void {
    const ready = this.coordinator.takeReady();
    for (const { token, response } of ready.joins) this.joins.set(token, response);
    for (const { token, response } of ready.syncs) this.syncs.set(token, response);
    this.stored.push(...ready.groupsToStore);
  }
}
