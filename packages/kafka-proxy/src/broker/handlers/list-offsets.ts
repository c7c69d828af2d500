/** ListOffsets (key 2): earliest (-2), latest (-1), max timestamp (-3) or the first offset at a timestamp. */
import type { OffsetQuery } from "../../backend.js";
import {
  type ListOffsetsPartition,
  type ListOffsetsPartitionResponse,
  type ListOffsetsRequest,
  type ListOffsetsResponse,
  listOffsetsApi,
} from "../../protocol/generated/list-offsets/index.gen.js";
import { defineHandler, errorCodeOf, type RequestContext } from "../context.js";

export const listOffsetsHandler = defineHandler<ListOffsetsRequest, ListOffsetsResponse>({
  api: listOffsetsApi,
  handle: async (context, request) => ({
    throttleTimeMs: 0,
    topics: await Promise.all(
      request.topics.map(async (topic) => ({
        name: topic.name,
        partitions: await Promise.all(
          topic.partitions.map((partition) => listPartition(context, request, topic.name, partition)),
        ),
      })),
    ),
  }),
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    topics: request.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((partition) => failed(partition.partitionIndex, errorCode)),
    })),
  }),
});

function queryOf(timestamp: bigint): OffsetQuery {
  if (timestamp === -2n) return { kind: "earliest" };
  if (timestamp === -1n) return { kind: "latest" };
  if (timestamp === -3n) return { kind: "max-timestamp" };
  return { kind: "timestamp", timestampMs: timestamp };
}

async function listPartition(
  context: RequestContext,
  request: ListOffsetsRequest,
  topic: string,
  { partitionIndex: partition, timestamp, currentLeaderEpoch }: ListOffsetsPartition,
): Promise<ListOffsetsPartitionResponse> {
  try {
    const isolation = request.isolationLevel === 1 ? "read_committed" : "read_uncommitted";
    const listed = await context.backend.listOffset(
      topic,
      partition,
      queryOf(timestamp),
      isolation,
      currentLeaderEpoch,
    );
    return {
      partitionIndex: partition,
      errorCode: 0,
      oldStyleOffsets: [listed.offset],
      timestamp: listed.timestampMs,
      offset: listed.offset,
      leaderEpoch: listed.leaderEpoch,
    };
  } catch (error) {
    return failed(partition, errorCodeOf(context, error));
  }
}

function failed(partitionIndex: number, errorCode: number): ListOffsetsPartitionResponse {
  return { partitionIndex, errorCode, oldStyleOffsets: [], timestamp: -1n, offset: -1n, leaderEpoch: -1 };
}
