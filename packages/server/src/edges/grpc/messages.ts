/**
 * The helix.v1 package definition and the shapes of its messages as @grpc/proto-loader hands them over
 * with `loaderOptions`: camelCase field names, int64 as number, enums as their names (an unknown enum
 * value arrives as its number, which validation refuses), bytes as Buffer, defaults filled in, and a
 * proto3 `optional` field absent when the client did not set it.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSync, type Options, type PackageDefinition } from "@grpc/proto-loader";

export const protoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../../proto");
export const protoFiles = [
  "helix/v1/log.proto",
  "helix/v1/admin.proto",
  "helix/v1/kv.proto",
  "helix/v1/progress.proto",
  "helix/v1/errors.proto",
] as const;

export const loaderOptions: Options = {
  longs: Number,
  enums: String,
  bytes: Buffer,
  defaults: true,
  oneofs: true,
  includeDirs: [protoRoot],
};

export function loadHelixProtos(): PackageDefinition {
  return loadSync([...protoFiles], loaderOptions);
}

/** An enum field: a known name, or the number of a value this server does not know. */
export type EnumValue<Name extends string> = Name | number;

export interface HeaderMessage {
  key: string;
  value?: Buffer;
}

export interface RecordMessage {
  key?: Buffer;
  value?: Buffer;
  headers: HeaderMessage[];
  timestampMs: number;
}

export interface ProduceRequest {
  topic: string;
  partition?: number;
  acks: EnumValue<"ACKS_UNSPECIFIED" | "ACKS_NONE" | "ACKS_LEADER" | "ACKS_ALL">;
  records: RecordMessage[];
  batches: Buffer;
  producer?: { producerId: number; producerEpoch: number; baseSequence: number };
  timeoutMs: number;
}

export interface ProduceResponse {
  partition: number;
  baseOffset: number;
  lastOffset: number;
  logAppendTimeMs: number;
  duplicate: boolean;
}

export type FetchFormat = EnumValue<
  "FETCH_FORMAT_UNSPECIFIED" | "FETCH_FORMAT_RECORDS" | "FETCH_FORMAT_BATCHES"
>;

export interface FetchRequest {
  topic: string;
  partition: number;
  offset: number;
  maxBytes: number;
  maxWaitMs: number;
  minBytes: number;
  format: FetchFormat;
}

export interface FetchedRecordMessage {
  offset: number;
  timestampMs: number;
  key?: Buffer;
  value?: Buffer;
  headers: HeaderMessage[];
}

export interface FetchResponse {
  partition: number;
  highWatermark: number;
  logStartOffset: number;
  records: FetchedRecordMessage[];
  batches: Buffer;
  nextOffset: number;
}

export interface SubscribeRequest {
  topic: string;
  partition: number;
  offset: number;
  maxBytesPerMessage: number;
  format: FetchFormat;
}

export interface ListOffsetsRequest {
  topic: string;
  partitions: number[];
  spec: EnumValue<
    | "OFFSET_SPEC_UNSPECIFIED"
    | "OFFSET_SPEC_EARLIEST"
    | "OFFSET_SPEC_LATEST"
    | "OFFSET_SPEC_TIMESTAMP"
    | "OFFSET_SPEC_MAX_TIMESTAMP"
  >;
  timestampMs: number;
}

export interface PartitionOffsetMessage {
  partition: number;
  offset: number;
  timestampMs: number;
}

export interface DeleteRecordsRequest {
  topic: string;
  partition: number;
  beforeOffset: number;
  timeoutMs: number;
}

export interface DeleteRecordsResponse {
  lowWatermark: number;
}

export interface CreateTopicRequest {
  name: string;
  partitions: number;
  replicationFactor: number;
  configs: Record<string, string>;
  validateOnly: boolean;
}

export interface PartitionDescriptionMessage {
  partition: number;
  leader: number;
  leaderEpoch: number;
  replicas: number[];
  inSyncReplicas: number[];
  highWatermark: number;
  logStartOffset: number;
}

export interface TopicDescriptionMessage {
  name: string;
  topicId: string;
  replicationFactor: number;
  partitions: PartitionDescriptionMessage[];
  configs: Record<string, string>;
}

export interface PartitionReplicationMessage {
  topic: string;
  partition: number;
  leaderEpoch: number;
  replicas: { nodeId: number; lagEntries: number; inSync: boolean; alive: boolean }[];
}

export interface BrokerMessage {
  nodeId: number;
  kafkaAddress: string;
  grpcAddress: string;
  rack: string;
  alive: boolean;
}
