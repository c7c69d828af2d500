/**
 * @helixlog/kafka-proxy: the Kafka wire protocol. Today this exposes the codec layer: primitives,
 * framing, the advertised API table and the generated per-API codecs (one namespace per API).
 */

export {
  type AdvertisedApi,
  advertisedApis,
  findAdvertisedApi,
  findGeneratedApi,
  isFlexibleVersion,
  isVersionAdvertised,
} from "./framing/api-table.js";
export {
  decodeConsumerAssignment,
  decodeConsumerSubscription,
  encodeConsumerAssignment,
  encodeConsumerSubscription,
  type VersionPrefixed,
} from "./framing/consumer-protocol.js";
export { FrameSplitter } from "./framing/frame-splitter.js";
export {
  decodeRequestHeader,
  encodeRequestHeader,
  encodeResponseHeader,
  requestHeaderVersion,
  responseHeaderVersion,
} from "./framing/headers.js";
export {
  type DecodedRequest,
  decodeRequestFrame,
  encodeRequestFrame,
  encodeResponseFrame,
  encodeUnsupportedApiVersionsFrame,
  unsupportedApiVersionsResponse,
} from "./framing/messages.js";
export {
  AddOffsetsToTxn,
  AddPartitionsToTxn,
  AlterConfigs,
  ApiVersions,
  ConsumerGroupDescribe,
  ConsumerGroupHeartbeat,
  ConsumerProtocolAssignment,
  ConsumerProtocolSubscription,
  CreatePartitions,
  CreateTopics,
  DeleteGroups,
  DeleteRecords,
  DeleteTopics,
  DescribeCluster,
  DescribeConfigs,
  DescribeGroups,
  DescribeProducers,
  EndTxn,
  Fetch,
  FindCoordinator,
  generatedApis,
  Heartbeat,
  IncrementalAlterConfigs,
  InitProducerId,
  JoinGroup,
  LeaveGroup,
  ListGroups,
  ListOffsets,
  Metadata,
  OffsetCommit,
  OffsetFetch,
  OffsetForLeaderEpoch,
  Produce,
  RequestHeader,
  ResponseHeader,
  SaslAuthenticate,
  SaslHandshake,
  SyncGroup,
  TxnOffsetCommit,
} from "./protocol/generated/index.gen.js";
export type { GeneratedApi, GeneratedMessage } from "./protocol/generated-support.js";
export {
  arrayLengthMax,
  requestFrameBytesMax,
  stringBytesMax,
  taggedFieldCountMax,
} from "./protocol/limits.js";
export { type DecodeFailure, ProtocolDecodeError, ProtocolEncodeError } from "./protocol/protocol-error.js";
export { Reader } from "./protocol/reader.js";
export type { TaggedField } from "./protocol/tagged-field.js";
export { zeroUuid } from "./protocol/uuid.js";
export { Writer } from "./protocol/writer.js";
