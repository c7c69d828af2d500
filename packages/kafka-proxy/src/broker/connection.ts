/**
 * One client connection: splits frames, checks versions, dispatches, and writes answers in request order.
 *
 * Kafka guarantees responses on a connection come back in the order of the requests, and clients match
 * them by that order as much as by correlation id. Handlers run concurrently, so each request takes a
 * slot in `slots` when it arrives and answers are written only from the head. At most
 * `kafkaInFlightRequestsPerConnectionMax` slots exist; past that the socket stops being read.
 *
 * A Kafka broker also handles a connection's requests one at a time, and clients that pipeline rely on
 * it: two OffsetCommits for one partition must take effect in the order they were sent, an OffsetFetch
 * after a commit must see it, a DeleteTopics after a CreateTopics must find the topic. Requests that
 * change or read such state (`orderedApiKeys`) therefore start only once the previous one of them on
 * this connection has finished. Produce and Fetch stay concurrent: a produce is proposed synchronously
 * in arrival order (or queued FIFO per partition by flow control), and a long-polling fetch must not
 * hold up the rest; group membership calls (JoinGroup waits for a whole rebalance) stay concurrent too,
 * their order being settled by generations in the coordinator.
 *
 * As Kafka does, the connection is closed (after writing the answers already due) on: a frame over the
 * size bound, a frame that does not decode, and a request for a version we do not advertise, except
 * ApiVersions, which gets the error-35 v0 answer listing our ranges (KIP-511).
 */
import type { Socket } from "node:net";
import { assert, limits } from "@helixlog/core";
import type { KafkaBackend } from "../backend.js";
import { isVersionAdvertised } from "../framing/api-table.js";
import { FrameSplitter } from "../framing/frame-splitter.js";
import {
  decodeRequestFrame,
  encodeResponseFrame,
  encodeUnsupportedApiVersionsFrame,
} from "../framing/messages.js";
import { KafkaWireError } from "../kafka-error-codes.js";
import type { RequestHeader } from "../protocol/generated/request-header/types.gen.js";
import { requestFrameBytesMax } from "../protocol/limits.js";
import type { ApiHandler, BrokerLogger, RequestContext } from "./context.js";
import type { CoordinatorDriver } from "./coordinator-driver.js";
import { callerOf, noThrottle, type Throttle, throttleResponse } from "./quota-throttle.js";

const apiVersionsKey = 18;

/**
 * Requests a connection runs one after another, in arrival order: offset commits and reads, group
 * deletion, and admin changes (api keys: OffsetCommit 8, OffsetFetch 9, CreateTopics 19, DeleteTopics
 * 20, DeleteRecords 21, InitProducerId 22, AlterConfigs 33, CreatePartitions 37, DeleteGroups 42,
 * IncrementalAlterConfigs 44, OffsetDelete 47).
 */
export const orderedApiKeys: ReadonlySet<number> = new Set([8, 9, 19, 20, 21, 22, 33, 37, 42, 44, 47]);
/** apiKey int16 + apiVersion int16 + correlationId int32: the least a frame must hold to be answered. */
const headerPrefixBytes = 8;

export interface ConnectionOptions {
  readonly backend: KafkaBackend;
  readonly coordinator: CoordinatorDriver;
  // biome-ignore lint/suspicious/noExplicitAny: handlers of every API share the table.
  readonly handlers: ReadonlyMap<number, ApiHandler<any, any>>;
  readonly logger: BrokerLogger;
  readonly autoCreateTopics: boolean;
  readonly frameBytesMax?: number;
  readonly inFlightRequestsMax?: number;
  /** Closes the connection after this long with nothing received and no request in flight. */
  readonly idleTimeoutMs?: number;
}

interface Slot {
  settled: boolean;
  /** The encoded answer, or null for a request that gets none (acks=0). */
  frame: Uint8Array | null;
}

export class KafkaConnection {
  private readonly splitter: FrameSplitter;
  /** Requests in arrival order; the head is written as soon as it settles. */
  private readonly slots: Slot[] = [];
  private readonly inFlightRequestsMax: number;
  /**
   * Frames received but not started because every slot is taken. Reading is paused while any wait, so
   * this holds at most what one socket read delivered.
   */
  private readonly waitingFrames: Uint8Array[] = [];
  private closing = false;
  private pumping = false;
  /** While a quota throttle mutes the connection (KIP-219): no request is read or started. */
  private mutedUntil = 0;
  /** Settles when the last ordered request started on this connection has finished. */
  private orderedTail: Promise<unknown> = Promise.resolve();
  private muteTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly socket: Socket,
    private readonly options: ConnectionOptions,
  ) {
    this.splitter = new FrameSplitter(options.frameBytesMax ?? requestFrameBytesMax);
    this.inFlightRequestsMax = options.inFlightRequestsMax ?? limits.kafkaInFlightRequestsPerConnectionMax;
    socket.on("data", (chunk: Buffer) => this.onData(chunk));
    socket.on("error", () => socket.destroy());
    // Kafka's connections.max.idle.ms. The socket's timer restarts on every read and write; a request
    // still in flight (a long poll, a rebalance) keeps the connection, its answer restarts the timer.
    socket.setTimeout(options.idleTimeoutMs ?? limits.kafkaConnectionIdleMs);
    socket.on("timeout", () => {
      if (this.slots.length === 0 && this.waitingFrames.length === 0) {
        this.closeAfterPending("idle connection");
        socket.destroy();
      }
    });
  }

  private onData(chunk: Uint8Array): void {
    if (this.closing) return;
    let frames: Uint8Array[];
    try {
      frames = this.splitter.push(chunk);
    } catch (error) {
      this.closeAfterPending("bad frame size", error);
      return;
    }
    this.waitingFrames.push(...frames);
    this.pump();
  }

  /** Starts waiting frames while slots are free; reading pauses while any frame waits. */
  private pump(): void {
    // A frame answered synchronously flushes, and flushing pumps: the outer loop carries on instead.
    if (this.pumping) return;
    if (this.mutedUntil > 0) {
      this.socket.pause();
      return;
    }
    this.pumping = true;
    while (!this.closing && this.slots.length < this.inFlightRequestsMax) {
      const frame = this.waitingFrames.shift();
      if (frame === undefined) break;
      this.onFrame(frame);
    }
    this.pumping = false;
    if (this.closing) return;
    if (this.waitingFrames.length > 0 || this.slots.length >= this.inFlightRequestsMax) this.socket.pause();
    else if (this.socket.isPaused()) this.socket.resume();
  }

  private onFrame(frame: Uint8Array): void {
    if (frame.length < headerPrefixBytes) {
      this.closeAfterPending("frame shorter than a request header");
      return;
    }
    const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
    const apiKey = view.getInt16(0);
    const apiVersion = view.getInt16(2);
    const correlationId = view.getInt32(4);
    if (!isVersionAdvertised(apiKey, apiVersion)) {
      if (apiKey === apiVersionsKey) {
        this.settle(this.openSlot(), encodeUnsupportedApiVersionsFrame(correlationId));
        return;
      }
      this.closeAfterPending(`unsupported api ${apiKey} version ${apiVersion}`);
      return;
    }
    const handler = this.options.handlers.get(apiKey);
    if (handler === undefined) {
      this.closeAfterPending(`no handler for api ${apiKey}`);
      return;
    }
    let header: RequestHeader;
    let body: unknown;
    try {
      ({ header, body } = decodeRequestFrame(frame));
    } catch (error) {
      this.closeAfterPending("malformed request", error);
      return;
    }
    const slot = this.openSlot();
    const start = () => this.run(handler, header, body, frame.length);
    const running = orderedApiKeys.has(apiKey) ? this.afterOrdered(start) : start();
    void running.then(({ frame: answer, throttle }) => {
      if (throttle.muteMs > 0) this.mute(throttle.muteMs);
      if (throttle.delayMs > 0) setTimeout(() => this.settle(slot, answer), throttle.delayMs);
      else this.settle(slot, answer);
    });
  }

  /** Starts `start` once every ordered request before it on this connection has finished. */
  private afterOrdered<Result>(start: () => Promise<Result>): Promise<Result> {
    const running = this.orderedTail.then(start);
    this.orderedTail = running.catch(() => undefined);
    return running;
  }

  /** Stops reading and starting requests for `ms` (a quota throttle); a longer mute wins. */
  private mute(ms: number): void {
    const until = Date.now() + ms;
    if (until <= this.mutedUntil || this.closing) return;
    this.mutedUntil = until;
    this.socket.pause();
    clearTimeout(this.muteTimer);
    this.muteTimer = setTimeout(() => {
      this.mutedUntil = 0;
      this.pump();
    }, ms);
    this.muteTimer.unref();
  }

  private async run(
    // biome-ignore lint/suspicious/noExplicitAny: see ConnectionOptions.handlers.
    handler: ApiHandler<any, any>,
    header: RequestHeader,
    body: unknown,
    requestBytes: number,
  ): Promise<{ frame: Uint8Array | null; throttle: Throttle }> {
    const context: RequestContext = {
      backend: this.options.backend,
      coordinator: this.options.coordinator,
      header,
      clientHost: this.socket.remoteAddress ?? "",
      logger: this.options.logger,
      autoCreateTopics: this.options.autoCreateTopics,
      caller: callerOf(header),
    };
    const encode = handler.api.response.encode[header.requestApiVersion];
    assert(encode !== undefined, "every advertised version has a response encoder (api-table test)");
    const respond = (response: unknown) =>
      encodeResponseFrame(
        header.requestApiKey,
        header.requestApiVersion,
        header.correlationId,
        response,
        encode,
      );
    let response: unknown;
    try {
      response = await handler.handle(context, body);
    } catch (error) {
      // A wire answer the backend chose (NOT_COORDINATOR): every part of the request gets its code.
      if (KafkaWireError.isInstance(error)) {
        return { frame: this.answerError(handler, body, error.errorCode, respond), throttle: noThrottle };
      }
      // Our bug, not the client's: answer UNKNOWN_SERVER_ERROR everywhere and keep serving.
      this.options.logger.error("kafka handler failed", {
        apiKey: header.requestApiKey,
        apiVersion: header.requestApiVersion,
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      });
      return { frame: this.answerError(handler, body, -1, respond), throttle: noThrottle };
    }
    // Quotas (quota-throttle.ts): Produce and Fetch are charged, answered with throttle_time_ms and mute.
    return throttleResponse(this.options.backend, header, requestBytes, body, response, respond);
  }

  /** The handler's error response with `errorCode` everywhere (nothing for a request that expects none). */
  private answerError(
    // biome-ignore lint/suspicious/noExplicitAny: see ConnectionOptions.handlers.
    handler: ApiHandler<any, any>,
    body: unknown,
    errorCode: number,
    respond: (response: unknown) => Uint8Array,
  ): Uint8Array | null {
    if (handler.answers?.(body) === false) return null;
    try {
      return respond(handler.errorResponse(body, errorCode));
    } catch (encodeError) {
      this.closeAfterPending("could not encode an error response", encodeError);
      return null;
    }
  }

  private openSlot(): Slot {
    const slot: Slot = { settled: false, frame: null };
    this.slots.push(slot);
    return slot;
  }

  private settle(slot: Slot, frame: Uint8Array | null): void {
    slot.settled = true;
    slot.frame = frame;
    this.flush();
  }

  /** Writes every settled answer at the head of the queue, in request order. */
  private flush(): void {
    while (this.slots[0]?.settled === true) {
      const slot = this.slots.shift()!;
      if (slot.frame !== null && !this.socket.destroyed) this.socket.write(slot.frame);
    }
    if (this.closing && this.slots.length === 0) this.socket.end();
    else this.pump();
  }

  /** Stops reading, lets answers already due go out, then closes (what Kafka does on a bad request). */
  private closeAfterPending(reason: string, error?: unknown): void {
    if (this.closing) return;
    this.closing = true;
    this.options.logger.warn("closing kafka connection", {
      reason,
      remote: this.socket.remoteAddress,
      ...(error === undefined ? {} : { error: String(error) }),
    });
    this.socket.pause();
    this.flush();
  }
}
