/**
 * Quota records as the controller's replicated KV store keeps them (issue 12), and their translation to
 * the flow package's definitions. One record per entity, at one of flow's four levels: the cluster (the
 * node-wide total), a principal (flow's tenant level), a principal's client id (client level) or a
 * client id's use of a topic (topic level), every name possibly the default. Keys:
 *
 *   quota/cluster                                        every principal's calls together
 *   quota/principal=<name>                               a principal's quota, shared by its client ids
 *   quota/principal=<name>/client=<name>                 one client id of a principal
 *   quota/principal=<name>/client=<name>/topic=<name>    one client id's use of one topic
 *
 * with names URI-encoded and the default written `<default>` (which encoding can never produce, so a
 * principal literally named "<default>" stays distinct). The value is JSON, versioned. Every node reads
 * them back from its applied KV state, so quotas are replicated state that survives restarts.
 */
import { HelixError, limits } from "@helixlog/core";
import {
  type QuotaDefinition,
  type QuotaLevel,
  type QuotaResource,
  validateQuotaDefinitions,
  validateTokenBucketConfig,
} from "@helixlog/flow";
import { invalid } from "./validation.js";

export const quotaKeyPrefix = "quota/";
const defaultName = "<default>";
const recordVersion = 1;

/**
 * `undefined` names are defaults; `client` absent (not undefined-valued) means a principal-level quota,
 * `topic` absent a quota that is not per topic. A cluster entity (`cluster` true) has neither and no
 * principal. A topic entity always has a client (the default when the wire left client_id out).
 */
export interface QuotaEntity {
  readonly cluster: boolean;
  readonly principal: string | undefined;
  readonly client: { readonly clientId: string | undefined } | undefined;
  readonly topic: { readonly topic: string | undefined } | undefined;
}

/** Rates per second (0: unlimited) and bursts (resolved: never 0 where the rate is set). */
export interface QuotaLimitsRecord {
  readonly produceBytesPerSecond: number;
  readonly fetchBytesPerSecond: number;
  readonly requestsPerSecond: number;
  readonly produceBurstBytes: number;
  readonly fetchBurstBytes: number;
  readonly requestBurst: number;
  /** The principal's weight in the node's fair queue (0: the default weight, 1). Principal records only. */
  readonly weight: number;
}

export interface QuotaRecord {
  readonly entity: QuotaEntity;
  readonly limits: QuotaLimitsRecord;
}

/** The wire shapes (admin.proto) as proto-loader hands them over. */
export interface QuotaEntityMessage {
  principal: string;
  clientId?: string;
  topic?: string;
  cluster?: boolean;
}
export interface QuotaLimitsMessage {
  produceBytesPerSecond: number;
  fetchBytesPerSecond: number;
  requestsPerSecond: number;
  produceBurstBytes: number;
  fetchBurstBytes: number;
  requestBurst: number;
  weight?: number;
}
export interface QuotaMessage {
  entity: QuotaEntityMessage;
  limits: QuotaLimitsMessage;
}

/**
 * Validates a wire entity: names of 1..quotaKeyLengthMax characters, "" for the default; a cluster
 * entity names nothing else; a topic entity without client_id is the default client id's.
 */
export function entityOf(message: QuotaEntityMessage | undefined | null): QuotaEntity {
  if (message === undefined || message === null) throw invalid("entity is required");
  if (message.cluster === true) {
    if (message.principal !== "" || message.clientId !== undefined || message.topic !== undefined) {
      throw invalid(
        "a cluster quota (entity.cluster) is the total of every principal: it cannot also name a principal, client_id or topic",
      );
    }
    return { cluster: true, principal: undefined, client: undefined, topic: undefined };
  }
  const principal = nameOf(message.principal, "entity.principal");
  const topic = message.topic === undefined ? undefined : { topic: nameOf(message.topic, "entity.topic") };
  const client =
    message.clientId === undefined
      ? topic === undefined
        ? undefined
        : { clientId: undefined }
      : { clientId: nameOf(message.clientId, "entity.client_id") };
  return { cluster: false, principal, client, topic };
}

function nameOf(value: string, field: string): string | undefined {
  if (value === "") return undefined;
  if (value.length > limits.quotaKeyLengthMax) {
    throw invalid(`${field} is longer than ${limits.quotaKeyLengthMax} characters`);
  }
  return value;
}

export function entityMessageOf(entity: QuotaEntity): QuotaEntityMessage {
  if (entity.cluster) return { principal: "", cluster: true };
  return {
    principal: entity.principal ?? "",
    ...(entity.client === undefined ? {} : { clientId: entity.client.clientId ?? "" }),
    ...(entity.topic === undefined ? {} : { topic: entity.topic.topic ?? "" }),
  };
}

/** Validates wire limits and resolves default bursts (one second's worth of the rate). */
export function limitsOf(message: QuotaLimitsMessage | undefined | null): QuotaLimitsRecord {
  if (message === undefined || message === null) throw invalid("limits is required");
  const resolved = {
    produceBytesPerSecond: rateOf(message.produceBytesPerSecond, "limits.produce_bytes_per_second"),
    fetchBytesPerSecond: rateOf(message.fetchBytesPerSecond, "limits.fetch_bytes_per_second"),
    requestsPerSecond: rateOf(message.requestsPerSecond, "limits.requests_per_second"),
    produceBurstBytes: 0,
    fetchBurstBytes: 0,
    requestBurst: 0,
    weight: weightOf(message.weight ?? 0),
  };
  if (
    resolved.produceBytesPerSecond + resolved.fetchBytesPerSecond + resolved.requestsPerSecond === 0 &&
    resolved.weight === 0
  ) {
    throw invalid("limits must set at least one of the rates (0 means unlimited) or a weight");
  }
  resolved.produceBurstBytes = burstOf(
    message.produceBurstBytes,
    resolved.produceBytesPerSecond,
    "limits.produce_burst_bytes",
  );
  resolved.fetchBurstBytes = burstOf(
    message.fetchBurstBytes,
    resolved.fetchBytesPerSecond,
    "limits.fetch_burst_bytes",
  );
  resolved.requestBurst = burstOf(message.requestBurst, resolved.requestsPerSecond, "limits.request_burst");
  return resolved;
}

function weightOf(value: number): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > limits.fairQueueWeightMax) {
    throw invalid(`limits.weight must be an integer from 0 to ${limits.fairQueueWeightMax}, got ${value}`);
  }
  return value;
}

/**
 * A weight orders one principal's work against others': the cluster level, a client id, a topic or the
 * default principal has none.
 */
function requireWeightPlace(record: QuotaRecord): void {
  if (record.limits.weight === 0) return;
  if (record.entity.cluster) throw invalid("a weight belongs to a principal, not the cluster level");
  if (record.entity.topic !== undefined) throw invalid("a weight belongs to a principal, not a topic quota");
  if (record.entity.client !== undefined) throw invalid("a weight belongs to a principal, not a client id");
  if (record.entity.principal === undefined) throw invalid("a weight needs a named principal");
}

/** Validates a whole record: its limits and, if it has a weight, that a named principal holds it. */
export function recordOf(
  entity: QuotaEntityMessage | undefined | null,
  limitsMessage: QuotaLimitsMessage | undefined | null,
): QuotaRecord {
  const record = { entity: entityOf(entity), limits: limitsOf(limitsMessage) };
  requireWeightPlace(record);
  return record;
}

function rateOf(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > limits.tokenBucketRatePerSecondMax) {
    throw invalid(
      `${field} must be an integer from 0 to ${limits.tokenBucketRatePerSecondMax}, got ${value}`,
    );
  }
  return value;
}

function burstOf(value: number, rate: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > limits.tokenBucketBurstMax) {
    throw invalid(`${field} must be an integer from 0 to ${limits.tokenBucketBurstMax}, got ${value}`);
  }
  if (rate === 0) {
    if (value !== 0) throw invalid(`${field} is set but its rate is 0 (unlimited)`);
    return 0;
  }
  const burst = value === 0 ? Math.min(rate, limits.tokenBucketBurstMax) : value;
  try {
    validateTokenBucketConfig({ ratePerSecond: rate, burst }, field);
  } catch (error) {
    if (HelixError.is(error, "INVALID_CONFIG")) throw invalid(error.message);
    throw error;
  }
  return burst;
}

/** The KV key of an entity's record; INVALID_ARGUMENT if its encoded names make it too long. */
export function quotaKeyOf(entity: QuotaEntity): string {
  if (entity.cluster) return `${quotaKeyPrefix}cluster`;
  const encode = (name: string | undefined) => (name === undefined ? defaultName : encodeURIComponent(name));
  const key =
    `${quotaKeyPrefix}principal=${encode(entity.principal)}` +
    (entity.client === undefined ? "" : `/client=${encode(entity.client.clientId)}`) +
    (entity.topic === undefined ? "" : `/topic=${encode(entity.topic.topic)}`);
  if (key.length > limits.kvKeyLengthMax) {
    throw invalid(
      `the quota entity's names are too long for a KV key (${key.length} > ${limits.kvKeyLengthMax})`,
    );
  }
  return key;
}

export function encodeQuotaRecord(record: QuotaRecord): Uint8Array {
  const value = { version: recordVersion, entity: entityMessageOf(record.entity), limits: record.limits };
  return new TextEncoder().encode(JSON.stringify(value));
}

/**
 * A stored record, or undefined when it does not parse as one (written by a newer version, or by hand
 * through the Kv service): such a record is skipped rather than stopping every node's quotas.
 */
export function decodeQuotaRecord(key: string, value: Uint8Array): QuotaRecord | undefined {
  try {
    const parsed = JSON.parse(new TextDecoder().decode(value)) as {
      version: number;
      entity: QuotaEntityMessage;
      limits: QuotaLimitsMessage;
    };
    if (parsed.version !== recordVersion) return undefined;
    const record = recordOf(parsed.entity, parsed.limits);
    return quotaKeyOf(record.entity) === key ? record : undefined;
  } catch {
    return undefined;
  }
}

export function quotaMessageOf(record: QuotaRecord): QuotaMessage {
  return { entity: entityMessageOf(record.entity), limits: { ...record.limits } };
}

const resources: readonly {
  resource: QuotaResource;
  rate: keyof QuotaLimitsRecord;
  burst: keyof QuotaLimitsRecord;
}[] = [
  { resource: "produceBytes", rate: "produceBytesPerSecond", burst: "produceBurstBytes" },
  { resource: "fetchBytes", rate: "fetchBytesPerSecond", burst: "fetchBurstBytes" },
  { resource: "requests", rate: "requestsPerSecond", burst: "requestBurst" },
];

/** The flow level of an entity: a principal record is flow's tenant level. */
function levelOf(entity: QuotaEntity): QuotaLevel {
  if (entity.cluster) return "cluster";
  if (entity.topic !== undefined) return "topic";
  return entity.client === undefined ? "tenant" : "client";
}

/** The flow definitions of the records, one per record and rate that is set. */
export function definitionsOf(records: readonly QuotaRecord[]): QuotaDefinition[] {
  const definitions: QuotaDefinition[] = [];
  for (const { entity, limits: recordLimits } of records) {
    for (const { resource, rate, burst } of resources) {
      if (recordLimits[rate] === 0) continue;
      definitions.push({
        level: levelOf(entity),
        resource,
        ...(entity.principal === undefined ? {} : { tenant: entity.principal }),
        ...(entity.client?.clientId === undefined ? {} : { clientId: entity.client.clientId }),
        ...(entity.topic?.topic === undefined ? {} : { topic: entity.topic.topic }),
        ratePerSecond: recordLimits[rate],
        burst: recordLimits[burst],
      });
    }
  }
  validateQuotaDefinitions(definitions);
  return definitions;
}
