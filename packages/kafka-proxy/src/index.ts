/**
 * @helixlog/kafka-proxy: the Kafka wire protocol. The broker side (listener, connection handling, one
 * handler per API), the KafkaBackend port the Helix server implements, the classic consumer group
 * coordinator as a pure state machine, and the codec layer: primitives, framing, the advertised API table
 * and the generated per-API codecs (one namespace per API).
 */

export type {
  Acks,
  ActiveProducer,
  BrokerDescription,
  ClusterMetadata,
  CommittedOffset,
  ConfigChange,
  ConfigEntry,
  ConfigResource,
  ConfigResourceType,
  FetchInput,
  FetchResult,
  IsolationLevel,
  KafkaBackend,
  KafkaCaller,
  KafkaQuotaResource,
  KafkaTopicBytes,
  ListedOffset,
  OffsetCommitMember,
  OffsetQuery,
  PartitionDescription,
  ProduceInput,
  ProduceResult,
  ProducerIdentity,
  StoredGroup,
  StoredGroupListing,
  StoredGroupMember,
  TopicDescription,
  TopicPartition,
  TopicSpec,
} from "./backend.js";
export { checkLeaderEpoch } from "./backend.js";
export type { BrokerLogger } from "./broker/context.js";
export type { CoordinatorDriver } from "./broker/coordinator-driver.js";
export {
  type KafkaListener,
  type KafkaListenerOptions,
  startKafkaListener,
  validateListenerOptions,
} from "./broker/listener.js";
export type { GroupState, RequestToken } from "./coordinator/group.js";
export {
  type CoordinatorOptions,
  type CoordinatorReady,
  GroupCoordinator,
  type GroupSummary,
  type JoinInput,
  type MemberIdentity,
  type SyncInput,
} from "./coordinator/group-coordinator.js";
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
export { KafkaWireError, wireErrorCode } from "./kafka-error-codes.js";
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
