/** OffsetForLeaderEpoch (key 23, KIP-101/320): the end offset of a leader epoch, for log truncation checks. */
import {
  type OffsetForLeaderEpochRequest,
  type OffsetForLeaderEpochResponse,
  offsetForLeaderEpochApi,
} from "../../protocol/generated/offset-for-leader-epoch/index.gen.js";
import { defineHandler, errorCodeOf } from "../context.js";

export const offsetForLeaderEpochHandler = defineHandler<
  OffsetForLeaderEpochRequest,
  OffsetForLeaderEpochResponse
>({
  api: offsetForLeaderEpochApi,
  handle: async (context, request) => ({
    throttleTimeMs: 0,
    topics: await Promise.all(
      request.topics.map(async (topic) => ({
        topic: topic.topic,
        partitions: await Promise.all(
          topic.partitions.map(async (partition) => {
            try {
              const found = await context.backend.offsetForLeaderEpoch(
                topic.topic,
                partition.partition,
                partition.leaderEpoch,
                partition.currentLeaderEpoch,
              );
              return {
                errorCode: 0,
                partition: partition.partition,
                leaderEpoch: found.leaderEpoch,
                endOffset: found.endOffset,
              };
            } catch (error) {
              return {
                errorCode: errorCodeOf(context, error),
                partition: partition.partition,
                leaderEpoch: -1,
                endOffset: -1n,
              };
            }
          }),
        ),
      })),
    ),
  }),
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    topics: request.topics.map((topic) => ({
      topic: topic.topic,
      partitions: topic.partitions.map((partition) => ({
        errorCode,
        partition: partition.partition,
        leaderEpoch: -1,
        endOffset: -1n,
      })),
    })),
  }),
});
