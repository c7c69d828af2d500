/** DeleteRecords (key 21): moves each partition's log start offset up (-1: to the high watermark). */
import {
  type DeleteRecordsRequest,
  type DeleteRecordsResponse,
  deleteRecordsApi,
} from "../../protocol/generated/delete-records/index.gen.js";
import { defineHandler, errorCodeOf } from "../context.js";

export const deleteRecordsHandler = defineHandler<DeleteRecordsRequest, DeleteRecordsResponse>({
  api: deleteRecordsApi,
  handle: async (context, request) => ({
    throttleTimeMs: 0,
    topics: await Promise.all(
      request.topics.map(async (topic) => ({
        name: topic.name,
        partitions: await Promise.all(
          topic.partitions.map(async (partition) => {
            try {
              const lowWatermark = await context.backend.deleteRecords(
                topic.name,
                partition.partitionIndex,
                partition.offset,
              );
              return { partitionIndex: partition.partitionIndex, lowWatermark, errorCode: 0 };
            } catch (error) {
              return {
                partitionIndex: partition.partitionIndex,
                lowWatermark: -1n,
                errorCode: errorCodeOf(context, error),
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
      name: topic.name,
      partitions: topic.partitions.map((partition) => ({
        partitionIndex: partition.partitionIndex,
        lowWatermark: -1n,
        errorCode,
      })),
    })),
  }),
});
