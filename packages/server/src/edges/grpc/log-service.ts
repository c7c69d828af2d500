/**
 * helix.v1.Log: Produce, Fetch (long polling), Subscribe (server streaming) and ListOffsets over one
 * HelixNode. Handlers validate, call the node and shape the answer; errors become statuses in grpc-api.ts.
 * ListOffsets EARLIEST and LATEST are answered by any replica, TIMESTAMP and MAX_TIMESTAMP by the
 * partition leader (NOT_LEADER elsewhere); DeleteRecords by the partition leader.
 * Not yet: Fetch's min_bytes above 1 (a long poll returns once anything past the offset is committed),
 * and log_append_time_ms (always -1).
 */
import type { ServerUnaryCall, ServerWritableStream } from "@grpc/grpc-js";

/** What a unary handler reads from its call: the deadline and whether the client went away. */
type CallState = Pick<ServerUnaryCall<unknown, unknown>, "getDeadline" | "cancelled">;

import { HelixError, limits, SeededRng } from "@helixlog/core";
import { StickyPartitioner } from "@helixlog/routing";
import type { FetchResult, HelixNode } from "../../node/helix-node.js";
import { formatOf, toFetchResponse } from "./fetch-response.js";
import type {
  DeleteRecordsRequest,
  DeleteRecordsResponse,
  FetchRequest,
  FetchResponse,
  ListOffsetsRequest,
  PartitionOffsetMessage,
  ProduceRequest,
  ProduceResponse,
  SubscribeRequest,
} from "./messages.js";
import { acksOf, batchesOf, choosePartition } from "./produce-request.js";
import {
  fetchBytesOf,
  invalid,
  requireKnown,
  requireOffset,
  requirePartition,
  requireTopic,
} from "./validation.js";
import { pollUntil, remainingMs, sleep, withTimeout } from "./waiting.js";

/**
 * Flow control around one partition read (edges/grpc/flow-admission.ts): waits its turn when the node is
 * saturated and charges the bytes read to the caller's fetch quota. Undefined: reads run at once.
 */
export type ReadGate = (
  partition: number,
  maxBytes: number,
  read: () => Promise<FetchResult>,
) => Promise<FetchResult>;

const ungated: ReadGate = (_partition, _maxBytes, read) => read();

export interface LogServiceContext {
  readonly node: HelixNode;
  /** True once the API is closing: open-ended waits (Subscribe) end. */
  readonly closing: () => boolean;
}

export class LogService {
  /** Null-key records stick to one partition per topic until a batch's worth has gone to it. */
  private readonly sticky = new StickyPartitioner(new SeededRng(Math.floor(Math.random() * 2 ** 31)));
  /** Open Subscribe streams, at most grpcSubscriptionsMax. */
  private subscriptions = 0;

  constructor(private readonly context: LogServiceContext) {}

  async produce(request: ProduceRequest, call: CallState): Promise<ProduceResponse> {
    const { node } = this.context;
    const topic = requireTopic(node, request.topic);
    const acks = acksOf(request.acks);
    const batches = batchesOf(request, topic, Date.now());
    const partition = choosePartition(request, batches, topic, node, this.sticky);
    const timeoutMs = Math.min(produceTimeoutOf(request.timeoutMs), remainingMs(call.getDeadline()));
    const result = await withTimeout(
      node.produce(topic.name, partition, batches, acks),
      timeoutMs,
      `produce to ${topic.name}-${partition} with acks=${acks} (the write may still happen)`,
    );
    return { partition, ...result, logAppendTimeMs: -1 };
  }

  async fetch(request: FetchRequest, call: CallState, gate: ReadGate = ungated): Promise<FetchResponse> {
    const { node } = this.context;
    const topic = requireTopic(node, request.topic);
    const partition = requirePartition(topic, request.partition);
    const offset = requireOffset(request.offset);
    const format = formatOf(request.format);
    const maxBytes = fetchBytesOf(request.maxBytes);
    const waitMs = Math.min(request.maxWaitMs, limits.grpcFetchWaitMsMax, remainingMs(call.getDeadline()));
    // Long polling: with nothing past `offset` yet, wait for a commit (or the wait to run out).
    await pollUntil(
      () => node.highWatermark(topic.name, partition) > offset,
      waitMs,
      () => call.cancelled || this.context.closing(),
    );
    const result = await gate(partition, maxBytes, () => node.fetch(topic.name, partition, offset, maxBytes));
    return toFetchResponse(result, partition, offset, format);
  }

  /** Streams each committed chunk from the offset until the client cancels or the API closes. */
  async subscribe(
    call: ServerWritableStream<SubscribeRequest, FetchResponse>,
    gate: ReadGate = ungated,
  ): Promise<void> {
    const { node } = this.context;
    const request = call.request;
    const topic = requireTopic(node, request.topic);
    const partition = requirePartition(topic, request.partition);
    let offset = requireOffset(request.offset);
    const format = formatOf(request.format);
    const maxBytes = fetchBytesOf(request.maxBytesPerMessage);
    if (this.subscriptions >= limits.grpcSubscriptionsMax) {
      throw new HelixError(
        "RESOURCE_EXHAUSTED",
        `at most ${limits.grpcSubscriptionsMax} subscriptions per node`,
      );
    }
    this.subscriptions++;
    try {
      const stopped = () => call.cancelled || this.context.closing();
      while (!stopped()) {
        const ready = await pollUntil(
          () => node.highWatermark(topic.name, partition) > offset,
          1_000,
          stopped,
        );
        if (!ready) continue;
        const result = await gate(partition, maxBytes, () =>
          node.fetch(topic.name, partition, offset, maxBytes),
        );
        // The segment store may trail the high watermark by an append; look again shortly.
        if (result.batches.length === 0) {
          await sleep(limits.grpcFetchPollIntervalMs);
          continue;
        }
        const response = toFetchResponse(result, partition, offset, format);
        offset = response.nextOffset;
        if (!call.write(response)) await drained(call);
      }
    } finally {
      this.subscriptions--;
    }
  }

  async listOffsets(request: ListOffsetsRequest): Promise<{ offsets: PartitionOffsetMessage[] }> {
    const { node } = this.context;
    const topic = requireTopic(node, request.topic);
    const spec = requireKnown(request.spec, offsetSpecs, "spec");
    const partitions =
      request.partitions.length === 0
        ? topic.partitions.map((_, partition) => partition)
        : request.partitions.map((partition) => requirePartition(topic, partition));
    if (spec === "OFFSET_SPEC_TIMESTAMP" || spec === "OFFSET_SPEC_MAX_TIMESTAMP") {
      const timestampMs = spec === "OFFSET_SPEC_TIMESTAMP" ? requireTimestamp(request.timestampMs) : 0;
      const offsets: PartitionOffsetMessage[] = [];
      for (const partition of partitions) {
        const found =
          spec === "OFFSET_SPEC_TIMESTAMP"
            ? await node.offsetForTime(topic.name, partition, timestampMs)
            : await node.maxTimestamp(topic.name, partition);
        offsets.push({ partition, offset: found?.offset ?? -1, timestampMs: found?.timestamp ?? -1 });
      }
      return { offsets };
    }
    const earliest = spec === "OFFSET_SPEC_EARLIEST";
    return {
      offsets: partitions.map((partition) => ({
        partition,
        offset: earliest
          ? node.logStartOffset(topic.name, partition)
          : node.highWatermark(topic.name, partition),
        timestampMs: -1,
      })),
    };
  }

  async deleteRecords(request: DeleteRecordsRequest, call: CallState): Promise<DeleteRecordsResponse> {
    const { node } = this.context;
    const topic = requireTopic(node, request.topic);
    const partition = requirePartition(topic, request.partition);
    const beforeOffset =
      request.beforeOffset === -1 ? -1 : requireOffset(request.beforeOffset, "before_offset");
    const timeoutMs = Math.min(produceTimeoutOf(request.timeoutMs), remainingMs(call.getDeadline()));
    return withTimeout(
      node.deleteRecords(topic.name, partition, beforeOffset),
      timeoutMs,
      `delete records of ${topic.name}-${partition} before ${beforeOffset} (the deletion may still happen)`,
    );
  }
}

/** A ListOffsets TIMESTAMP target: milliseconds since the epoch, not negative. */
function requireTimestamp(timestampMs: number): number {
  if (!Number.isSafeInteger(timestampMs) || timestampMs < 0) {
    throw invalid(
      `timestamp_ms must be a non-negative integer for OFFSET_SPEC_TIMESTAMP, got ${timestampMs}`,
    );
  }
  return timestampMs;
}

const offsetSpecs = [
  "OFFSET_SPEC_UNSPECIFIED",
  "OFFSET_SPEC_EARLIEST",
  "OFFSET_SPEC_LATEST",
  "OFFSET_SPEC_TIMESTAMP",
  "OFFSET_SPEC_MAX_TIMESTAMP",
] as const;

function produceTimeoutOf(requested: number): number {
  if (requested === 0) return limits.grpcProduceTimeoutMsDefault;
  return Math.min(requested, limits.grpcProduceTimeoutMsMax);
}

/** Resolves when the stream can take more, or when the call ends (cancelled or closed). */
function drained(call: ServerWritableStream<SubscribeRequest, FetchResponse>): Promise<void> {
  return new Promise<void>((resolve) => {
    const events = ["drain", "cancelled", "close"] as const;
    const finish = () => {
      for (const event of events) call.off(event, finish);
      resolve();
    };
    for (const event of events) call.on(event, finish);
  });
}
