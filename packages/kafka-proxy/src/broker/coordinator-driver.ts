/**
 * The edge around the pure GroupCoordinator: it owns the wall clock, turns delayed JoinGroup/SyncGroup
 * answers into promises, loads groups from the backend before first use (coordinator failover), and
 * persists what `takeReady()` says must survive. This is the only place the coordinator meets time and I/O.
 */
import { limits, type Rng } from "@helixlog/core";
import type { KafkaBackend } from "../backend.js";
import {
  type CoordinatorReady,
  GroupCoordinator,
  type JoinInput,
  type SyncInput,
} from "../coordinator/group-coordinator.js";
import { KafkaWireError, wireErrorCode } from "../kafka-error-codes.js";
import type { JoinGroupResponse } from "../protocol/generated/join-group/types.gen.js";
import type { SyncGroupResponse } from "../protocol/generated/sync-group/types.gen.js";
import type { BrokerLogger } from "./context.js";

export interface CoordinatorDriverOptions {
  readonly backend: KafkaBackend;
  readonly rng: Rng;
  readonly logger: BrokerLogger;
  readonly nowMs?: () => number;
  readonly tickMs?: number;
  /** Kafka's group.initial.rebalance.delay.ms (the pure coordinator's default, 0, when absent). */
  readonly initialRebalanceDelayMs?: number;
}

export class CoordinatorDriver {
  readonly coordinator: GroupCoordinator;
  private readonly backend: KafkaBackend;
  private readonly logger: BrokerLogger;
  private readonly clock: () => number;
  private nextToken = 1;
  private readonly pendingJoins = new Map<number, (response: JoinGroupResponse) => void>();
  private readonly pendingSyncs = new Map<
    number,
    {
      readonly groupId: string;
      readonly generationId: number;
      readonly resolve: (response: SyncGroupResponse) => void;
    }
  >();
  /** Group ids already looked up in the backend; bounded like the coordinator's groups. */
  private readonly loadedGroupIds = new Set<string>();
  private readonly timer: NodeJS.Timeout;
  /** Persistence runs in order so a later group record never lands before an earlier one. */
  private persistence: Promise<void> = Promise.resolve();
  /**
   * Groups whose last record could not be stored, with its generation and the SyncGroup error for it;
   * an entry goes when a later record of the group is stored. Bounded like `loadedGroupIds`.
   */
  private readonly unstored = new Map<
    string,
    { readonly generationId: number; readonly errorCode: number }
  >();

  constructor(options: CoordinatorDriverOptions) {
    this.backend = options.backend;
    this.logger = options.logger;
    this.clock = options.nowMs ?? Date.now;
    this.coordinator = new GroupCoordinator({
      rng: options.rng,
      ...(options.initialRebalanceDelayMs === undefined
        ? {}
        : { initialRebalanceDelayMs: options.initialRebalanceDelayMs }),
    });
    this.timer = setInterval(() => this.tick(), options.tickMs ?? limits.kafkaCoordinatorTickMs);
    this.timer.unref();
  }

  nowMs(): number {
    return this.clock();
  }

  close(): void {
    clearInterval(this.timer);
  }

  /**
   * Answers NOT_COORDINATOR unless this node coordinates `groupId` now, and loads the group's persisted
   * state the first time it does (coordinator failover: the stored generation comes back, members rejoin).
   */
  async ensureLoaded(groupId: string): Promise<void> {
    await this.requireCoordinator(groupId);
    if (this.loadedGroupIds.has(groupId) || this.coordinator.hasGroup(groupId)) return;
    const stored = await this.backend.loadGroup(groupId);
    if (this.loadedGroupIds.size >= limits.kafkaGroupsMax) this.loadedGroupIds.clear();
    this.loadedGroupIds.add(groupId);
    if (stored !== undefined && !this.coordinator.hasGroup(groupId))
      this.coordinator.restoreGroup(stored, this.nowMs());
  }

  /**
   * Throws KafkaWireError NOT_COORDINATOR when another node coordinates the group (after dropping what
   * this node held for it, so it reloads the stored state if it coordinates the group again), and
   * COORDINATOR_NOT_AVAILABLE while no node does.
   */
  private async requireCoordinator(groupId: string): Promise<void> {
    let coordinator: number;
    try {
      coordinator = await this.backend.findCoordinator(groupId);
    } catch (error) {
      if (KafkaWireError.isInstance(error)) throw error;
      throw new KafkaWireError(wireErrorCode.coordinatorNotAvailable, String(error));
    }
    if (coordinator === this.backend.nodeId) return;
    if (this.coordinator.hasGroup(groupId)) {
      this.coordinator.forgetGroup(groupId, wireErrorCode.notCoordinator);
      void this.drain();
    }
    this.loadedGroupIds.delete(groupId);
    throw new KafkaWireError(
      wireErrorCode.notCoordinator,
      `node ${this.backend.nodeId} does not coordinate group "${groupId}" (node ${coordinator} does)`,
    );
  }

  async join(input: JoinInput): Promise<JoinGroupResponse> {
    await this.ensureLoaded(input.groupId);
    const token = this.nextToken++;
    const answer = new Promise<JoinGroupResponse>((resolve) => this.pendingJoins.set(token, resolve));
    this.coordinator.onJoinGroup(token, input, this.nowMs());
    this.drain();
    return answer;
  }

  async sync(input: SyncInput): Promise<SyncGroupResponse> {
    await this.ensureLoaded(input.groupId);
    const token = this.nextToken++;
    const answer = new Promise<SyncGroupResponse>((resolve) =>
      this.pendingSyncs.set(token, { groupId: input.groupId, generationId: input.generationId, resolve }),
    );
    this.coordinator.onSyncGroup(token, input, this.nowMs());
    // The leader's SyncGroup is answered only once the assignment is durable (it survives failover).
    await this.drain();
    return answer;
  }

  /** Runs `decide` against the coordinator, then persists and delivers whatever it produced. */
  async decide<Result>(groupId: string | null, decide: (nowMs: number) => Result): Promise<Result> {
    if (groupId !== null) await this.ensureLoaded(groupId);
    const result = decide(this.nowMs());
    await this.drain();
    return result;
  }

  tick(): void {
    this.coordinator.tick(this.nowMs());
    void this.drain();
  }

  /** Delivers answers and persists groups; resolves once the persistence it started is done. */
  private async drain(): Promise<void> {
    const ready = this.coordinator.takeReady();
    const persisted = this.persist(ready);
    for (const { token, response } of ready.joins) {
      this.pendingJoins.get(token)?.(response);
      this.pendingJoins.delete(token);
    }
    const syncs = ready.syncs.map(({ token, response }) => {
      const pending = this.pendingSyncs.get(token);
      this.pendingSyncs.delete(token);
      return { pending, response };
    });
    // Assignments are handed out after they are stored, so a failover cannot lose a generation. A store
    // that failed answers the group's waiting members with its error instead (Kafka: COORDINATOR_NOT_
    // AVAILABLE or NOT_COORDINATOR); the coordinator has already put the group back into a rebalance.
    await persisted;
    for (const { pending, response } of syncs) {
      if (pending === undefined) continue;
      const failure = this.unstored.get(pending.groupId);
      pending.resolve(
        failure === undefined ||
          failure.generationId !== pending.generationId ||
          response.errorCode !== wireErrorCode.none
          ? response
          : { ...response, errorCode: failure.errorCode, assignment: new Uint8Array(0) },
      );
    }
  }

  /**
   * Stores and deletes what `ready` names, after every earlier step. A group whose record could not be
   * stored is reported to the coordinator (`onStoreFailed`: it rebalances) and kept in `unstored`.
   */
  private persist(ready: CoordinatorReady): Promise<void> {
    if (ready.groupsToStore.length === 0 && ready.groupsToDelete.length === 0) return this.persistence;
    this.persistence = this.persistence.then(async () => {
      for (const group of ready.groupsToStore) {
        try {
          await this.backend.storeGroup(group);
          this.unstored.delete(group.groupId);
        } catch (error) {
          this.logger.error("storing consumer group state failed; the group rebalances", {
            group: group.groupId,
            generation: group.generationId,
            error: String(error),
          });
          if (this.unstored.size >= limits.kafkaGroupsMax) this.unstored.clear();
          this.unstored.set(group.groupId, {
            generationId: group.generationId,
            errorCode: storeFailureCode(error),
          });
          this.coordinator.onStoreFailed(group.groupId, group.generationId, this.nowMs());
        }
      }
      for (const groupId of ready.groupsToDelete) {
        try {
          await this.backend.deleteGroup(groupId);
        } catch (error) {
          // The group is gone here; its stored record stays until it is deleted again (or reused).
          this.logger.error("deleting consumer group state failed", { group: groupId, error: String(error) });
        }
      }
    });
    return this.persistence;
  }
}

/** The SyncGroup error for a group record that could not be stored (Kafka's mapping in storeGroup). */
function storeFailureCode(error: unknown): number {
  return KafkaWireError.isInstance(error) && error.errorCode === wireErrorCode.notCoordinator
    ? wireErrorCode.notCoordinator
    : wireErrorCode.coordinatorNotAvailable;
}
