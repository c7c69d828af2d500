/**
 * OffsetCommit (key 8): the coordinator fences the committer by generation and member id
 * (ILLEGAL_GENERATION, UNKNOWN_MEMBER_ID, FENCED_INSTANCE_ID); accepted offsets go to the backend.
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
    let errorCode = await context.coordinator.decide(request.groupId, (nowMs) =>
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
    if (errorCode === 0) {
      const offsets: CommittedOffset[] = request.topics.flatMap((topic) =>
        topic.partitions.map((partition) => ({
          topic: topic.name,
          partition: partition.partitionIndex,
          offset: partition.committedOffset,
          leaderEpoch: partition.committedLeaderEpoch,
          metadata: partition.committedMetadata,
        })),
      );
      try {
        await context.backend.commitOffsets(request.groupId, offsets);
      } catch (error) {
        errorCode = errorCodeOf(context, error);
      }
    }
    return answer(request, errorCode);
  },
  errorResponse: answer,
});

function answer(request: OffsetCommitRequest, errorCode: number): OffsetCommitResponse {
  return {
    throttleTimeMs: 0,
    topics: request.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((partition) => ({
        partitionIndex: partition.partitionIndex,
        errorCode,
      })),
    })),
  };
}
