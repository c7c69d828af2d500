import { generatedApis } from "../protocol/generated/index.gen.js";
import type { GeneratedApi } from "../protocol/generated-support.js";

/** One row of what we advertise in ApiVersions. */
export interface AdvertisedApi {
  readonly apiKey: number;
  readonly name: string;
  /** Inclusive range we accept and advertise; always inside the range we have codecs for. */
  readonly minVersion: number;
  readonly maxVersion: number;
  /** From this version on the request uses header v2 and compact encodings (KIP-482); null if never. */
  readonly firstFlexibleVersion: number | null;
}

/**
 * The APIs Helix serves, and any narrowing of the schema's version range. Everything not listed here
 * (transactions, KIP-848 consumer groups) has codecs but is not advertised until the backend serves it.
 *
 * - Produce starts at v3 and Fetch at v4: older versions carry message-format v0/v1 "message sets",
 *   and our storage format is record batch v2 only (DESIGN.md §2). Kafka itself rejects non-v2 batches
 *   from Produce v3+.
 * - Other deprecated versions (KIP-896) stay advertised: KafkaJS 2.x still uses several of them.
 * - A version marked latestVersionUnstable is never advertised, as in Kafka by default.
 */
const servedApis: readonly { readonly name: string; readonly minVersion?: number }[] = [
  { name: "Produce", minVersion: 3 },
  { name: "Fetch", minVersion: 4 },
  { name: "ListOffsets" },
  { name: "Metadata" },
  { name: "OffsetCommit" },
  { name: "OffsetFetch" },
  { name: "FindCoordinator" },
  { name: "JoinGroup" },
  { name: "Heartbeat" },
  { name: "LeaveGroup" },
  { name: "SyncGroup" },
  { name: "DescribeGroups" },
  { name: "ListGroups" },
  { name: "SaslHandshake" },
  { name: "ApiVersions" },
  { name: "CreateTopics" },
  { name: "DeleteTopics" },
  { name: "DeleteRecords" },
  { name: "InitProducerId" },
  { name: "OffsetForLeaderEpoch" },
  { name: "DescribeConfigs" },
  { name: "AlterConfigs" },
  { name: "SaslAuthenticate" },
  { name: "CreatePartitions" },
  { name: "DeleteGroups" },
  { name: "IncrementalAlterConfigs" },
  { name: "DescribeCluster" },
  { name: "DescribeProducers" },
];

// biome-ignore lint/suspicious/noExplicitAny: a lookup over a heterogeneous list of APIs.
const generatedByName = new Map<string, GeneratedApi<any, any>>(generatedApis.map((api) => [api.name, api]));
// biome-ignore lint/suspicious/noExplicitAny: a lookup over a heterogeneous list of APIs.
const generatedByKey = new Map<number, GeneratedApi<any, any>>(generatedApis.map((api) => [api.apiKey, api]));

function advertise(name: string, minVersion: number | undefined): AdvertisedApi {
  const api = generatedByName.get(name);
  if (api === undefined) throw new Error(`no generated codecs for ${name}`);
  const maxVersion = api.latestVersionUnstable ? api.maxVersion - 1 : api.maxVersion;
  return {
    apiKey: api.apiKey,
    name,
    minVersion: minVersion ?? api.minVersion,
    maxVersion,
    firstFlexibleVersion: api.firstFlexibleVersion,
  };
}

/** What we advertise, in api-key order. */
export const advertisedApis: readonly AdvertisedApi[] = servedApis
  .map((served) => advertise(served.name, served.minVersion))
  .sort((left, right) => left.apiKey - right.apiKey);

const advertisedByKey = new Map(advertisedApis.map((api) => [api.apiKey, api]));

export function findAdvertisedApi(apiKey: number): AdvertisedApi | undefined {
  return advertisedByKey.get(apiKey);
}

/** Whether we serve this API at this version. */
export function isVersionAdvertised(apiKey: number, apiVersion: number): boolean {
  const api = advertisedByKey.get(apiKey);
  return api !== undefined && apiVersion >= api.minVersion && apiVersion <= api.maxVersion;
}

/** Generated codecs for an API key, advertised or not. */
// biome-ignore lint/suspicious/noExplicitAny: a lookup over a heterogeneous list of APIs.
export function findGeneratedApi(apiKey: number): GeneratedApi<any, any> | undefined {
  return generatedByKey.get(apiKey);
}

/**
 * Whether a version of an API is flexible. The flexible range is open-ended, so this also answers for
 * versions newer than we know, which matters for parsing the header of an ApiVersions request from a
 * newer client (Kafka does the same: RequestHeader.parse uses the latest schema's flexibleVersions).
 */
export function isFlexibleVersion(apiKey: number, apiVersion: number): boolean {
  const api = generatedByKey.get(apiKey);
  return (
    api?.firstFlexibleVersion !== undefined &&
    api.firstFlexibleVersion !== null &&
    apiVersion >= api.firstFlexibleVersion
  );
}
