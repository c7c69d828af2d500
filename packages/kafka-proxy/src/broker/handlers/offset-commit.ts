/**
 * OffsetCommit (key 8): the coordinator fences the committer by generation and member id
 * (ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID, FENCED_INSTANCE_ID); accepted offsets go to the backend with
 * the member's generation, which the store fences again (another coordinator may have moved the group on)
 * and answers per partition.
 */
import type { CommittedOffset } from "../../backend.js";
import {
  type OffsetCommitRequest,
  type OffsetCommitResponse,
  offsetCommitApi,
} from "../../protocol/generated/offset-commit/index.gen.js";
import { defineHandler, errorCodeOf } from "../context.js";

export const offsetCommitHandler = defineHandler<OffsetCommitRequest, OffsetCommitResponse>({
  api: offsetCommitApi,
  handle: async (context, request) => {
    const errorCode = await context.coordinator.decide(request.groupId, (nowMs) =>
      context.coordinator.coordinator.validateOffsetCommit(
        {
          groupId: request.groupId,
          generationId: request.generationIdOrMemberEpoch,
          memberId: request.memberId,
          groupInstanceId: request.groupInstanceId,
        },
        nowMs,
      ),
    );
    if (errorCode !== 0) return answer(request, errorCode);
    const offsets: CommittedOffset[] = request.topics.flatMap((topic) =>
      topic.partitions.map((partition) => ({
        topic: topic.name,
        partition: partition.partitionIndex,
        offset: partition.committedOffset,
        leaderEpoch: partition.committedLeaderEpoch,
        metadata: partition.committedMetadata,
      })),
    );
    const member =
      request.generationIdOrMemberEpoch < 0
        ? null
        : { generationId: request.generationIdOrMemberEpoch, memberId: request.memberId };
    try {
      const codes = await context.backend.commitOffsets(request.groupId, offsets, member);
      return answer(request, 0, codes ?? undefined);
    } catch (error) {
      return answer(request, errorCodeOf(context, error));
    }
  },
  errorResponse: answer,
});

/** `codes` (one per partition, in request order) override `errorCode` where given. */
function answer(
  request: OffsetCommitRequest,
  errorCode: number,
  codes?: readonly number[],
): OffsetCommitResponse {
  let index = 0;
  return {
    throttleTimeMs: 0,
    topics: request.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((partition) => ({
        partitionIndex: partition.partitionIndex,
        errorCode: codes?.[index++] ?? errorCode,
      })),
    })),
  };
}
