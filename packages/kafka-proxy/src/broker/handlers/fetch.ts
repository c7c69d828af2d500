/**
 * Fetch (key 1, v4+). Long polling: the backend waits per partition (see backend.ts); this handler first
 * reads every partition without waiting, and only if that falls short of `minBytes` waits until any
 * partition has data or `maxWaitMs` passes, then reads them all again. The response byte budget
 * (`maxBytes`) is shared across partitions in request order; the first non-empty partition returns at
 * least one whole batch even past the budget (KIP-74) so a consumer can never get stuck on a large batch.
 * Fetch sessions (KIP-227) are declined: sessionId 0 tells the client to keep sending full requests.
 */
import { limits } from "@helixlog/core";
import type { IsolationLevel } from "../../backend.js";
import { wireErrorCode } from "../../kafka-error-codes.js";
import {
  type FetchableTopicResponse,
  type FetchRequest,
  type FetchResponse,
  fetchApi,
  type PartitionData,
} from "../../protocol/generated/fetch/index.gen.js";
import { defineHandler, errorCodeOf, type RequestContext } from "../context.js";

/** Kafka's FETCH_SESSION_ID_NOT_FOUND: we never create sessions, so any id is unknown. */
const fetchSessionIdNotFound = 70;

export const fetchHandler = defineHandler<FetchRequest, FetchResponse>({
  api: fetchApi,
  handle: async (context, request) => {
    if (request.sessionId !== 0) return { ...emptyResponse(), errorCode: fetchSessionIdNotFound };
    const names = await topicNames(context, request);
    const first = await readAll(context, request, names, 0);
    const waitMs = Math.min(Math.max(request.maxWaitMs, 0), limits.kafkaFetchWaitMsMax);
    if (waitMs === 0 || first.bytes >= request.minBytes || first.failed) return respond(first.topics);
    await Promise.race(waitingReads(context, request, names, waitMs));
    return respond((await readAll(context, request, names, 0)).topics);
  },
  errorResponse: (request, errorCode) =>
    respond(
      request.topics.map((topic) => ({
        topic: topic.topic,
        topicId: topic.topicId,
        partitions: topic.partitions.map((partition) => partitionResult(partition.partition, errorCode)),
      })),
    ),
});

/** v13+ names topics by id only: resolve the ids once per request. */
async function topicNames(context: RequestContext, request: FetchRequest): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  if (request.topics.every((topic) => topic.topic !== "")) return names;
  for (const topic of (await context.backend.metadata(null)).topics) names.set(topic.topicId, topic.name);
  return names;
}

function isolationOf(request: FetchRequest): IsolationLevel {
  return request.isolationLevel === 1 ? "read_committed" : "read_uncommitted";
}

async function readAll(
  context: RequestContext,
  request: FetchRequest,
  names: Map<string, string>,
  waitMs: number,
) {
  let budget = request.maxBytes > 0 ? request.maxBytes : Number.MAX_SAFE_INTEGER;
  let bytes = 0;
  let failed = false;
  const topics: FetchableTopicResponse[] = [];
  for (const topic of request.topics) {
    const name = topic.topic !== "" ? topic.topic : names.get(topic.topicId);
    const partitions: PartitionData[] = [];
    for (const partition of topic.partitions) {
      if (name === undefined) {
        partitions.push(partitionResult(partition.partition, wireErrorCode.unknownTopicId));
        failed = true;
        continue;
      }
      try {
        const result = await context.backend.fetch({
          topic: name,
          partition: partition.partition,
          offset: partition.fetchOffset,
          maxBytes: Math.max(Math.min(partition.partitionMaxBytes, budget), 1),
          maxWaitMs: waitMs,
          minBytes: 0,
          isolation: isolationOf(request),
          currentLeaderEpoch: partition.currentLeaderEpoch,
          caller: context.caller,
        });
        // Past the budget a partition reports its offsets but no records (KIP-74 allows one overshoot).
        const records = budget > 0 ? result.records : new Uint8Array(0);
        budget -= records.length;
        bytes += records.length;
        partitions.push({
          ...partitionResult(partition.partition, 0),
          highWatermark: result.highWatermark,
          lastStableOffset: result.lastStableOffset,
          logStartOffset: result.logStartOffset,
          records,
        });
      } catch (error) {
        failed = true;
        partitions.push(partitionResult(partition.partition, errorCodeOf(context, error)));
      }
    }
    topics.push({ topic: topic.topic, topicId: topic.topicId, partitions });
  }
  return { topics, bytes, failed };
}

/** One waiting read per partition; each resolves when its partition has data or the wait ends. */
function waitingReads(
  context: RequestContext,
  request: FetchRequest,
  names: Map<string, string>,
  waitMs: number,
) {
  const reads: Promise<unknown>[] = [];
  for (const topic of request.topics) {
    const name = topic.topic !== "" ? topic.topic : names.get(topic.topicId);
    if (name === undefined) continue;
    for (const partition of topic.partitions) {
      const read = context.backend.fetch({
        topic: name,
        partition: partition.partition,
        offset: partition.fetchOffset,
        maxBytes: 1,
        maxWaitMs: waitMs,
        minBytes: 1,
        isolation: isolationOf(request),
        currentLeaderEpoch: partition.currentLeaderEpoch,
      });
      reads.push(read.catch(() => undefined));
    }
  }
  if (reads.length === 0) reads.push(Promise.resolve());
  return reads;
}

function partitionResult(partitionIndex: number, errorCode: number): PartitionData {
  return {
    partitionIndex,
    errorCode,
    highWatermark: -1n,
    lastStableOffset: -1n,
    logStartOffset: -1n,
    divergingEpoch: { epoch: -1, endOffset: -1n },
    currentLeader: { leaderId: -1, leaderEpoch: -1 },
    snapshotId: { endOffset: -1n, epoch: -1 },
    abortedTransactions: null,
    preferredReadReplica: -1,
    records: new Uint8Array(0),
  };
}

function emptyResponse(): FetchResponse {
  return { throttleTimeMs: 0, errorCode: 0, sessionId: 0, responses: [], nodeEndpoints: [] };
}

function respond(topics: FetchableTopicResponse[]): FetchResponse {
  return { ...emptyResponse(), responses: topics };
}
