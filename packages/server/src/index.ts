/**
 * @helixlog/server: the Helix node. The deterministic core (`HelixNode` over `RaftHost`) and the edges
 * that run it for real (`runNode`: peer transport, gRPC API, HTTP metrics and health). See README.md.
 */
export {
  type ClusterStatusResponse,
  type CreateTopicInput,
  type FetchedRecordMessage,
  type FetchResponse,
  type HeaderMessage,
  HelixClient,
  type HelixClientOptions,
  isUnreachable,
  leaderAddressOf,
  type MetadataResponse,
  type NodeStatusMessage,
  type PartitionDescriptionMessage,
  type ProduceInput,
  type ProduceResponse,
  type RecordMessage,
  type TopicDescriptionMessage,
  toHelixError,
  unreachableMessage,
} from "./client/helix-client.js";
export {
  type AckResponse,
  type AcquireLeaseInput,
  type CommittedOffsetMessage,
  type GroupDescriptionMessage,
  type GroupListingMessage,
  type LeaseDescriptionMessage,
  type LeaseGrantMessage,
  type LeaseModeName,
  type LeaseRefInput,
  type ListGroupsResponse,
  type OffsetCommitInput,
  type PartitionProgressMessage,
  type PartitionResultMessage,
  ProgressClient,
  type ResetOffsetsInput,
  type ResetToName,
  type ReturnedRecordsMessage,
} from "./client/progress-client.js";
export type { GrpcApi, GrpcApiOptions } from "./edges/grpc-api.js";
export { startGrpcApi } from "./edges/grpc-api.js";
export type { HealthReport, HttpServerOptions } from "./edges/http-server.js";
export { createMetricsRegistry, HttpServer } from "./edges/http-server.js";
export type { ConfigInputs, HostPort, NodeConfig, SettingName, SettingSource } from "./edges/node-config.js";
export { defaultPorts, environmentName, loadNodeConfig, parseHostPort } from "./edges/node-config.js";
export type {
  PeerAddress,
  PeerTransportEvent,
  PeerTransportOptions,
  PeerTransportStats,
} from "./edges/peer-transport.js";
export { PeerTransport } from "./edges/peer-transport.js";
export type { RunNodeOptions, RunningNode } from "./edges/run-node.js";
export { describeStartupError, formatHostPort, runNode, tickIntervalMs } from "./edges/run-node.js";
export type { Acks, FetchResult, HelixNodeOptions, NodeEnvelope, ProduceResult } from "./node/helix-node.js";
export { HelixNode } from "./node/helix-node.js";
export type {
  GroupLogReader,
  GroupSpec,
  GroupView,
  HostStateMachine,
  RaftHostObserver,
  RaftHostOptions,
} from "./node/index.js";
export { RaftHost, SnapshotStore, type StoredSnapshot } from "./node/index.js";
