/**
 * Kafka client quotas on the wire, the way brokers apply them (KIP-13, KIP-124, KIP-219):
 *
 * - Produce is charged its request size, Fetch its response size (plus one request each), to the caller
 *   (user and client-id; the user is "anonymous" without SASL). The backend's quota manager answers a
 *   throttle time: how long until the caller's buckets are out of the debt this request put them in.
 * - The response carries it in `throttle_time_ms`, and the connection is **muted** for that long: no
 *   further request from it is read or started, so a client that ignores the field is held to its rate.
 * - Responses of versions with client-side throttling (Produce v6+, Fetch v8+: KIP-219) go out at once,
 *   the client itself waits out the throttle before sending again; older versions get their response
 *   only after the throttle time, which is how older clients were held back.
 *
 * acks=0 produces get no response, but are charged and mute the connection all the same.
 *
 * The backend also gets each topic's share of the record bytes (a produce's request batches, a fetch's
 * response batches), so quotas on a client's use of one topic apply; the rest of the frame (headers,
 * framing) is charged to the caller without a topic.
 */
import type { KafkaBackend, KafkaCaller, KafkaQuotaResource, KafkaTopicBytes } from "../backend.js";
import type { RequestHeader } from "../protocol/generated/request-header/types.gen.js";

/** Kafka's user for a connection without SASL; Helix's default principal. */
export const anonymousPrincipal = "anonymous";

const produceKey = 0;
const fetchKey = 1;
/** First versions whose clients throttle themselves (KIP-219). */
const clientSideThrottleVersion: Readonly<Record<number, number>> = { [produceKey]: 6, [fetchKey]: 8 };

export function callerOf(header: RequestHeader): KafkaCaller {
  return { principal: anonymousPrincipal, clientId: header.clientId ?? "" };
}

/** The resource a request is metered on, or undefined for requests quotas do not apply to. */
export function quotaResourceOf(apiKey: number): KafkaQuotaResource | undefined {
  if (apiKey === produceKey) return "produceBytes";
  if (apiKey === fetchKey) return "fetchBytes";
  return undefined;
}

interface MeteredTopics {
  readonly topicData?: readonly {
    readonly name: string;
    readonly partitionData: readonly { readonly records: Uint8Array | null }[];
  }[];
  readonly responses?: readonly {
    readonly topic?: string;
    readonly topicId?: string;
    readonly partitions: readonly { readonly records?: Uint8Array | null }[];
  }[];
}

/** Each topic's record bytes: a Produce request's batches, or a Fetch response's. */
export function topicBytesOf(
  resource: KafkaQuotaResource,
  request: unknown,
  response: unknown,
): KafkaTopicBytes[] {
  const topics: KafkaTopicBytes[] = [];
  if (resource === "produceBytes") {
    for (const topic of (request as MeteredTopics | null)?.topicData ?? []) {
      let bytes = 0;
      for (const partition of topic.partitionData) bytes += partition.records?.length ?? 0;
      topics.push({ name: topic.name, topicId: "", bytes });
    }
  } else {
    for (const topic of (response as MeteredTopics | null)?.responses ?? []) {
      let bytes = 0;
      for (const partition of topic.partitions) bytes += partition.records?.length ?? 0;
      topics.push({ name: topic.topic ?? "", topicId: topic.topicId ?? "", bytes });
    }
  }
  return topics;
}

export interface Throttle {
  /** How long the connection stays muted. */
  readonly muteMs: number;
  /** How long the response is held back (old versions), 0 to send it at once. */
  readonly delayMs: number;
}

export const noThrottle: Throttle = { muteMs: 0, delayMs: 0 };

/**
 * Charges a metered request and returns its (possibly re-encoded) response frame and throttle.
 * `encode` encodes the response object; the response's `throttleTimeMs` is raised to the throttle.
 */
export function throttleResponse(
  backend: KafkaBackend,
  header: RequestHeader,
  requestBytes: number,
  request: unknown,
  response: unknown,
  encode: (response: unknown) => Uint8Array,
): { frame: Uint8Array | null; throttle: Throttle } {
  const resource = quotaResourceOf(header.requestApiKey);
  const frame = response === null ? null : encode(response);
  if (resource === undefined || backend.quotaThrottleMs === undefined) return { frame, throttle: noThrottle };
  const bytes = resource === "produceBytes" ? requestBytes : (frame?.length ?? 0);
  const topics = topicBytesOf(resource, request, response);
  const throttleMs = backend.quotaThrottleMs(callerOf(header), resource, bytes, topics);
  if (throttleMs <= 0) return { frame, throttle: noThrottle };
  const clientSide = header.requestApiVersion >= (clientSideThrottleVersion[header.requestApiKey] ?? 0);
  const throttle = { muteMs: throttleMs, delayMs: clientSide ? 0 : throttleMs };
  if (response === null) return { frame, throttle };
  const current = (response as { throttleTimeMs?: number }).throttleTimeMs ?? 0;
  const throttled = { ...(response as object), throttleTimeMs: Math.max(current, throttleMs) };
  return { frame: encode(throttled), throttle };
}
