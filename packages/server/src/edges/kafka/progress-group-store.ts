/**
 * Consumer-group offsets and classic generations for the Kafka listener, kept in the consumer-progress
 * Raft groups (DESIGN.md §2, issue 9) through HelixNode.progress: a consumer group lives in the progress
 * group chosen by hash of its id, and the leader of that progress group is the group's Kafka coordinator.
 * A coordinator failover therefore loses nothing: the new leader of the progress group holds every
 * committed offset and the last stored generation.
 *
 * What is stored of a classic group is its generation (id, protocol, leader and member ids), not the
 * members' subscriptions and assignments. A new coordinator resumes the group Empty one generation past
 * the stored one (loadGroup): live members get UNKNOWN_MEMBER_ID on their next heartbeat and rejoin (Kafka
 * clients do so by design), and commits of the old generation are fenced.
 *
 * Error mapping (the progress state machine answers FENCED with a reason in `details.reason`):
 *   - `illegal-generation`: ILLEGAL_GENERATION, or REBALANCE_IN_PROGRESS when the committer's generation
 *     is newer than the stored one (its StoreGeneration is still on the way, or failed: rejoin);
 *   - `unknown-member`, `generation-required` (a commit without a generation while members are stored)
 *     and `lease-required` (a Helix lease consumer holds the partition): UNKNOWN_MEMBER_ID;
 *   - CONFLICT on a commit (records of the partition out on shared leases): REBALANCE_IN_PROGRESS
 *     (retriable: leases expire);
 *   - NOT_LEADER or a dropped proposal (the progress group's leadership moved): NOT_COORDINATOR, so the
 *     client looks the coordinator up again; no progress leader or no bootstrap yet: COORDINATOR_NOT_AVAILABLE.
 */
import { HelixError, limits } from "@helixlog/core";
import {
  type CommittedOffset,
  KafkaWireError,
  type OffsetCommitMember,
  type StoredGroup,
  type StoredGroupListing,
  type TopicPartition,
  wireErrorCode,
} from "@helixlog/kafka-proxy";
import type { HelixNode } from "../../node/helix-node.js";

/** Kafka's OFFSET_METADATA_TOO_LARGE: commit metadata longer than the store keeps. */
const offsetMetadataTooLarge = 12;

export class ProgressGroupStore {
  constructor(private readonly node: HelixNode) {}

  /** The leader of the group's progress group; COORDINATOR_NOT_AVAILABLE while there is none. */
  coordinatorOf(groupId: string): number {
    const located = this.node.progress.locate(groupId);
    if (located?.leader === undefined) {
      throw new KafkaWireError(
        wireErrorCode.coordinatorNotAvailable,
        `the progress group of "${groupId}" has no leader yet`,
      );
    }
    return located.leader;
  }

  /**
   * One Kafka error code per offset, in order. Offsets of unknown topics or partitions and out-of-range
   * values are answered here (progress throws for the whole request on an unknown topic); the rest go to
   * progress in one command, fenced by `member`'s generation.
   */
  async commitOffsets(
    groupId: string,
    offsets: readonly CommittedOffset[],
    member: OffsetCommitMember | null,
  ): Promise<readonly number[]> {
    const codes = offsets.map((offset) => this.refusal(offset));
    const accepted = offsets.filter((_, index) => codes[index] === wireErrorCode.none);
    // Kafka clients commit every assigned partition at once; stay within one progress command.
    for (let start = 0; start < accepted.length; start += limits.progressOffsetsPerCommandMax) {
      const chunk = accepted.slice(start, start + limits.progressOffsetsPerCommandMax);
      const outcomes = await this.guarded(() =>
        this.node.progress.commitOffsets(
          groupId,
          chunk.map((offset) => ({
            topic: offset.topic,
            partition: offset.partition,
            offset: Number(offset.offset),
            metadata: offset.metadata ?? "",
          })),
          member ?? undefined,
        ),
      ).catch((error: unknown) => {
        throw commitFailure(error, member);
      });
      const byPartition = new Map(
        outcomes.map((outcome) => [key(outcome.topic, outcome.partition), outcome.error]),
      );
      offsets.forEach((offset, index) => {
        const error = byPartition.get(key(offset.topic, offset.partition));
        if (error !== undefined && error !== null) codes[index] = commitErrorCode(error, member);
      });
    }
    return codes;
  }

  /** Committed offsets of the given partitions (null: all the group has); missing ones are left out. */
  async fetchOffsets(
    groupId: string,
    partitions: readonly TopicPartition[] | null,
  ): Promise<CommittedOffset[]> {
    // Unknown topics and partitions have no committed offset: leave them out (answered -1).
    const known = partitions?.filter((wanted) => this.partitionExists(wanted.topic, wanted.partition));
    if (known !== undefined && known.length === 0) return [];
    const fetched = await this.guarded(() => this.node.progress.fetchOffsets(groupId, known));
    return fetched.flatMap((offset) =>
      offset.committedOffset === null || offset.topic === ""
        ? []
        : [
            {
              topic: offset.topic,
              partition: offset.partition,
              offset: BigInt(offset.committedOffset),
              // The progress groups keep no leader epoch with a commit.
              leaderEpoch: -1,
              metadata: offset.metadata,
            },
          ],
    );
  }

  /** Records the group's generation; FENCED (an older generation than stored) is thrown. */
  async storeGroup(group: StoredGroup): Promise<void> {
    await this.guarded(() =>
      this.node.progress.storeGeneration(group.groupId, {
        generationId: group.generationId,
        protocolType: group.protocolType ?? "",
        protocolName: group.protocolName ?? "",
        leaderMemberId: group.leaderId,
        members: group.members.map((member) => member.memberId),
      }),
    );
  }

  /**
   * The group as a new coordinator resumes it: Empty, one generation past the stored one when that had
   * members (stored first, so progress agrees that nobody is in the group and fences the old generation's
   * commits; members rejoin, see the file comment). A group known only by its offsets comes back Empty at
   * its stored generation (0 when none) so it can be described and deleted. Undefined when progress does
   * not know the group.
   */
  async loadGroup(groupId: string): Promise<StoredGroup | undefined> {
    // Kafka answers INVALID_GROUP_ID for an id no group can have (found by the frame fuzzer: an empty id
    // in LeaveGroup reached progress's own check and was answered UNKNOWN_SERVER_ERROR).
    if (groupId.length === 0 || groupId.length > limits.progressNameLengthMax) {
      throw new KafkaWireError(
        wireErrorCode.invalidGroupId,
        `group id must have 1 to ${limits.progressNameLengthMax} characters, got ${groupId.length}`,
      );
    }
    let description: Awaited<ReturnType<HelixNode["progress"]["describeGroup"]>>;
    try {
      description = await this.guarded(() => this.node.progress.describeGroup(groupId));
    } catch (error) {
      if (HelixError.isInstance(error) && error.code === "UNKNOWN_GROUP") return undefined;
      throw error;
    }
    const generation = description.generation;
    let generationId = generation?.generationId ?? 0;
    if (generation !== null && generation.members.length > 0) {
      generationId += 1;
      await this.guarded(() =>
        this.node.progress.storeGeneration(groupId, {
          generationId,
          protocolType: generation.protocolType,
          protocolName: "",
          leaderMemberId: null,
          members: [],
        }),
      );
    }
    return {
      groupId,
      generationId,
      protocolType: generation === null || generation.protocolType === "" ? null : generation.protocolType,
      protocolName: null,
      leaderId: null,
      members: [],
    };
  }

  /** Removes the group's offsets and generation; a group progress does not know is already gone. */
  async deleteGroup(groupId: string): Promise<void> {
    try {
      await this.guarded(() => this.node.progress.deleteGroup(groupId));
    } catch (error) {
      if (HelixError.isInstance(error) && error.code === "UNKNOWN_GROUP") return;
      throw error;
    }
  }

  /** The groups of every progress group this node leads (the others answer NOT_LEADER and are skipped). */
  async listGroups(): Promise<StoredGroupListing[]> {
    const count = this.node.clusterInfo().progressGroupCount;
    const pages = await Promise.all(
      Array.from({ length: count }, (_, index) =>
        this.node.progress.listGroups(index + 1).catch((error: unknown) => {
          if (HelixError.isInstance(error) && isLeadershipLoss(error)) return undefined;
          throw error;
        }),
      ),
    );
    return pages.flatMap((page) =>
      (page?.groups ?? []).map((listing) => ({
        groupId: listing.group,
        protocolType: "",
        state: listing.members > 0 ? ("Stable" as const) : ("Empty" as const),
      })),
    );
  }

  /** UNKNOWN_TOPIC_OR_PARTITION, an invalid offset or oversized metadata; NONE when progress may take it. */
  private refusal(offset: CommittedOffset): number {
    if (!this.partitionExists(offset.topic, offset.partition)) return wireErrorCode.unknownTopicOrPartition;
    if (offset.offset < 0n || offset.offset > BigInt(Number.MAX_SAFE_INTEGER))
      return wireErrorCode.invalidRequest;
    if ((offset.metadata ?? "").length > limits.progressCommitMetadataLengthMax)
      return offsetMetadataTooLarge;
    return wireErrorCode.none;
  }

  private partitionExists(topic: string, partition: number): boolean {
    const record = this.node.topic(topic);
    return (
      record !== undefined &&
      Number.isInteger(partition) &&
      partition >= 0 &&
      partition < record.partitions.length
    );
  }

  /** Runs a progress call; losing the progress group's leadership becomes NOT_COORDINATOR. */
  private async guarded<Result>(call: () => Promise<Result>): Promise<Result> {
    try {
      return await call();
    } catch (error) {
      if (HelixError.isInstance(error) && isLeadershipLoss(error)) {
        throw new KafkaWireError(wireErrorCode.notCoordinator, error.message);
      }
      if (HelixError.isInstance(error) && error.code === "UNAVAILABLE") {
        throw new KafkaWireError(wireErrorCode.coordinatorNotAvailable, error.message);
      }
      throw error;
    }
  }
}

function isLeadershipLoss(error: HelixError): boolean {
  return error.code === "NOT_LEADER" || error.code === "PROPOSAL_DROPPED";
}

/** A rejection of the whole commit (the generation check) as the Kafka answer for every partition. */
function commitFailure(error: unknown, member: OffsetCommitMember | null): unknown {
  if (!HelixError.isInstance(error) || (error.code !== "FENCED" && error.code !== "CONFLICT")) return error;
  const code = commitErrorCode(error, member);
  return new KafkaWireError(code, error.message);
}

function commitErrorCode(error: HelixError, member: OffsetCommitMember | null): number {
  if (error.code === "CONFLICT") return wireErrorCode.rebalanceInProgress;
  if (error.code !== "FENCED") return error.kafkaErrorCode;
  if (error.details.reason === "illegal-generation") {
    const stored = error.details.currentGenerationId;
    const ahead = member !== null && (typeof stored !== "number" || member.generationId > stored);
    return ahead ? wireErrorCode.rebalanceInProgress : wireErrorCode.illegalGeneration;
  }
  return wireErrorCode.unknownMemberId;
}

function key(topic: string, partition: number): string {
  return `${partition}:${topic}`;
}
