/** DescribeProducers (key 61, KIP-664): the idempotent producers a partition tracks. */
import {
  type DescribeProducersRequest,
  type DescribeProducersResponse,
  describeProducersApi,
} from "../../protocol/generated/describe-producers/index.gen.js";
import { defineHandler, errorCodeOf, errorMessageOf } from "../context.js";

export const describeProducersHandler = defineHandler<DescribeProducersRequest, DescribeProducersResponse>({
  api: describeProducersApi,
  handle: async (context, request) => ({
    throttleTimeMs: 0,
    topics: await Promise.all(
      request.topics.map(async (topic) => ({
        name: topic.name,
        partitions: await Promise.all(
          topic.partitionIndexes.map(async (partitionIndex) => {
            try {
              const producers = await context.backend.describeProducers(topic.name, partitionIndex);
              return {
                partitionIndex,
                errorCode: 0,
                errorMessage: null,
                activeProducers: producers.map((producer) => ({
                  producerId: producer.producerId,
                  producerEpoch: producer.producerEpoch,
                  lastSequence: producer.lastSequence,
                  lastTimestamp: producer.lastTimestampMs,
                  coordinatorEpoch: -1,
                  currentTxnStartOffset: -1n,
                })),
              };
            } catch (error) {
              return {
                partitionIndex,
                errorCode: errorCodeOf(context, error),
                errorMessage: errorMessageOf(error),
                activeProducers: [],
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
      partitions: topic.partitionIndexes.map((partitionIndex) => ({
        partitionIndex,
        errorCode,
        errorMessage: null,
        activeProducers: [],
      })),
    })),
  }),
});
