/**
 * Produce (key 0): hands each partition's batches to the backend, which validates them, assigns offsets
 * and answers under the guarantee `acks` promised (DESIGN.md §3.2). acks=0 gets no response at all,
 * not even an error: the client is not reading one.
 */

import { kafkaErrorCode } from "@helixlog/core";
import type { Acks } from "../../backend.js";
import {
  type PartitionProduceResponse,
  type ProduceRequest,
  type ProduceResponse,
  produceApi,
} from "../../protocol/generated/produce/index.gen.js";
import { defineHandler, errorCodeOf, errorMessageOf, type RequestContext } from "../context.js";

/** Kafka's INVALID_REQUIRED_ACKS. */
const invalidRequiredAcks = 21;

export const produceHandler = defineHandler<ProduceRequest, ProduceResponse>({
  api: produceApi,
  handle: async (context, request) => {
    const acks = request.acks;
    const valid = acks === -1 || acks === 0 || acks === 1;
    const responses = await Promise.all(
      request.topicData.map(async (topic) => ({
        name: topic.name,
        partitionResponses: await Promise.all(
          topic.partitionData.map((partition) =>
            valid
              ? producePartition(
                  context,
                  topic.name,
                  partition.index,
                  partition.records,
                  acks as Acks,
                  request.timeoutMs,
                )
              : Promise.resolve(partitionError(partition.index, invalidRequiredAcks, null)),
          ),
        ),
      })),
    );
    if (acks === 0) return null;
    return { responses, throttleTimeMs: 0, nodeEndpoints: [] };
  },
  answers: (request) => request.acks !== 0,
  errorResponse: (request, errorCode) => ({
    responses: request.topicData.map((topic) => ({
      name: topic.name,
      partitionResponses: topic.partitionData.map((partition) =>
        partitionError(partition.index, errorCode, null),
      ),
    })),
    throttleTimeMs: 0,
    nodeEndpoints: [],
  }),
});

async function producePartition(
  context: RequestContext,
  topic: string,
  partition: number,
  records: Uint8Array | null,
  acks: Acks,
  timeoutMs: number,
): Promise<PartitionProduceResponse> {
  if (records === null || records.length === 0)
    return partitionError(partition, kafkaErrorCode.CORRUPT_MESSAGE, "no records");
  try {
    // The records are a view into the request frame; the backend may keep them past this request.
    const result = await context.backend.produce({
      topic,
      partition,
      records: records.slice(),
      acks,
      timeoutMs,
      caller: context.caller,
    });
    return {
      index: partition,
      errorCode: 0,
      baseOffset: result.baseOffset,
      logAppendTimeMs: result.logAppendTimeMs,
      logStartOffset: result.logStartOffset,
      recordErrors: [],
      errorMessage: null,
      currentLeader: { leaderId: -1, leaderEpoch: -1 },
    };
  } catch (error) {
    return partitionError(partition, errorCodeOf(context, error), errorMessageOf(error));
  }
}

function partitionError(
  index: number,
  errorCode: number,
  errorMessage: string | null,
): PartitionProduceResponse {
  return {
    index,
    errorCode,
    baseOffset: -1n,
    logAppendTimeMs: -1n,
    logStartOffset: -1n,
    recordErrors: [],
    errorMessage,
    currentLeader: { leaderId: -1, leaderEpoch: -1 },
  };
}
