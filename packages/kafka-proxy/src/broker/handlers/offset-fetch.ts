/**
 * OffsetFetch (key 9): committed offsets, -1 for partitions without one. v0–v7 ask for one group in
 * top-level fields; v8+ for several groups. A null topic list means every partition the group has.
 */
import type { TopicPartition } from "../../backend.js";
import {
  type OffsetFetchRequest,
  type OffsetFetchResponse,
  type OffsetFetchResponseTopic,
  offsetFetchApi,
} from "../../protocol/generated/offset-fetch/index.gen.js";
import { defineHandler, errorCodeOf, type RequestContext } from "../context.js";

const firstMultiGroupVersion = 8;

type WantedTopics = readonly { readonly name: string; readonly partitionIndexes: readonly number[] }[] | null;

export const offsetFetchHandler = defineHandler<OffsetFetchRequest, OffsetFetchResponse>({
  api: offsetFetchApi,
  handle: async (context, request) => {
    if (context.header.requestApiVersion < firstMultiGroupVersion) {
      const { topics, errorCode } = await fetchGroup(context, request.groupId, request.topics);
      return { throttleTimeMs: 0, topics, errorCode, groups: [] };
    }
    const groups = await Promise.all(
      request.groups.map(async (group) => ({
        groupId: group.groupId,
        ...(await fetchGroup(context, group.groupId, group.topics)),
      })),
    );
    return { throttleTimeMs: 0, topics: [], errorCode: 0, groups };
  },
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    topics: [],
    errorCode,
    groups: request.groups.map((group) => ({ groupId: group.groupId, topics: [], errorCode })),
  }),
});

async function fetchGroup(
  context: RequestContext,
  groupId: string,
  wanted: WantedTopics,
): Promise<{ topics: OffsetFetchResponseTopic[]; errorCode: number }> {
  const partitions: TopicPartition[] | null =
    wanted === null
      ? null
      : wanted.flatMap((topic) =>
          topic.partitionIndexes.map((partition) => ({ topic: topic.name, partition })),
        );
  try {
    const committed = await context.backend.fetchOffsets(groupId, partitions);
    const key = (topic: string, partition: number) => `${partition}:${topic}`;
    const found = new Map(committed.map((offset) => [key(offset.topic, offset.partition), offset]));
    const asked =
      partitions ?? committed.map((offset) => ({ topic: offset.topic, partition: offset.partition }));
    const byTopic = new Map<string, OffsetFetchResponseTopic["partitions"][number][]>();
    for (const { topic, partition } of asked) {
      const offset = found.get(key(topic, partition));
      const list = byTopic.get(topic) ?? [];
      list.push({
        partitionIndex: partition,
        committedOffset: offset?.offset ?? -1n,
        committedLeaderEpoch: offset?.leaderEpoch ?? -1,
        metadata: offset?.metadata ?? "",
        errorCode: 0,
      });
      byTopic.set(topic, list);
    }
    return { topics: [...byTopic].map(([name, list]) => ({ name, partitions: list })), errorCode: 0 };
  } catch (error) {
    return { topics: [], errorCode: errorCodeOf(context, error) };
  }
}
