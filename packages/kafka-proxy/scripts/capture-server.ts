/**
 * A fake one-broker Kafka used only to capture golden request frames from real clients. It decodes every
 * request with our codecs, saves the raw frame once per (api, version) under a fixture directory, and
 * answers just well enough (using our encoders) that the client carries on to its next request.
 * It keeps produced batches in memory so a consumer can fetch them back and go on to commit offsets.
 */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";
import { findGeneratedApi } from "../src/framing/api-table.js";
import { FrameSplitter } from "../src/framing/frame-splitter.js";
import {
  decodeRequestFrame,
  encodeResponseFrame,
  encodeUnsupportedApiVersionsFrame,
} from "../src/framing/messages.js";
import { advertisedApis, isVersionAdvertised } from "../src/index.js";
import { defaultAlterConfigsResponse } from "../src/protocol/generated/alter-configs/defaults.gen.js";
import { defaultCreatePartitionsResponse } from "../src/protocol/generated/create-partitions/defaults.gen.js";
import { defaultDeleteGroupsResponse } from "../src/protocol/generated/delete-groups/defaults.gen.js";
import { defaultDeleteRecordsResponse } from "../src/protocol/generated/delete-records/defaults.gen.js";
import { defaultDeleteTopicsResponse } from "../src/protocol/generated/delete-topics/defaults.gen.js";
import { defaultDescribeClusterResponse } from "../src/protocol/generated/describe-cluster/defaults.gen.js";
import { defaultDescribeConfigsResponse } from "../src/protocol/generated/describe-configs/defaults.gen.js";
import { defaultDescribeGroupsResponse } from "../src/protocol/generated/describe-groups/defaults.gen.js";
import { defaultDescribeProducersResponse } from "../src/protocol/generated/describe-producers/defaults.gen.js";
import { defaultHeartbeatResponse } from "../src/protocol/generated/heartbeat/defaults.gen.js";
import { defaultIncrementalAlterConfigsResponse } from "../src/protocol/generated/incremental-alter-configs/defaults.gen.js";
import type * as Generated from "../src/protocol/generated/index.gen.js";
import { defaultLeaveGroupResponse } from "../src/protocol/generated/leave-group/defaults.gen.js";
import { defaultListGroupsResponse } from "../src/protocol/generated/list-groups/defaults.gen.js";
import { defaultOffsetForLeaderEpochResponse } from "../src/protocol/generated/offset-for-leader-epoch/defaults.gen.js";
import type { RequestHeader } from "../src/protocol/generated/request-header/types.gen.js";

const host = "127.0.0.1";
const topicIdText = "6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b";

export interface CaptureServer {
  readonly port: number;
  readonly captured: Map<string, number>;
  close(): Promise<void>;
}

export async function startCaptureServer(fixtureDirectory: string): Promise<CaptureServer> {
  rmSync(fixtureDirectory, { recursive: true, force: true });
  mkdirSync(fixtureDirectory, { recursive: true });
  const captured = new Map<string, number>();
  const state = new BrokerState();
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    const splitter = new FrameSplitter();
    socket.on("error", () => {});
    socket.on("data", (chunk) => {
      for (const frame of splitter.push(chunk)) {
        const response = handleFrame(frame, state, fixtureDirectory, captured, port());
        if (response !== undefined) socket.write(response);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (): number => {
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("server has no port");
    return address.port;
  };
  return {
    port: port(),
    captured,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

class BrokerState {
  /** Produced batches per topic, as raw record-batch bytes (partition 0 only). */
  readonly batches = new Map<string, Uint8Array>();
  readonly topics = new Set<string>(["capture-topic"]);
}

function handleFrame(
  frame: Uint8Array,
  state: BrokerState,
  fixtureDirectory: string,
  captured: Map<string, number>,
  port: number,
): Uint8Array | undefined {
  const apiKey = new DataView(frame.buffer, frame.byteOffset).getInt16(0);
  const apiVersion = new DataView(frame.buffer, frame.byteOffset).getInt16(2);
  const correlationId = new DataView(frame.buffer, frame.byteOffset).getInt32(4);
  const api = findGeneratedApi(apiKey);
  const name = `${kebab(api?.name ?? `api-${apiKey}`)}-v${apiVersion}`;
  if (!captured.has(name)) writeFileSync(join(fixtureDirectory, `${name}.bin`), frame);
  captured.set(name, (captured.get(name) ?? 0) + 1);
  if (apiKey === 18 && !isVersionAdvertised(apiKey, apiVersion))
    return encodeUnsupportedApiVersionsFrame(correlationId);
  const { header, body } = decodeRequestFrame(frame);
  const response = respond(header, body, state, port);
  if (response === undefined || api === undefined) return undefined;
  const encode = api.response.encode[apiVersion]!;
  return encodeResponseFrame(apiKey, apiVersion, correlationId, response, encode);
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

function respond(header: RequestHeader, body: unknown, state: BrokerState, port: number): unknown {
  switch (header.requestApiKey) {
    case 18:
      return apiVersions();
    case 3:
      return metadata(body as Generated.Metadata.MetadataRequest, state, port);
    case 0:
      return produce(body as Generated.Produce.ProduceRequest, state);
    case 1:
      return fetch(body as Generated.Fetch.FetchRequest, state);
    case 2:
      return listOffsets(body as Generated.ListOffsets.ListOffsetsRequest);
    case 10:
      return findCoordinator(body as Generated.FindCoordinator.FindCoordinatorRequest, port);
    case 11:
      return joinGroup(body as Generated.JoinGroup.JoinGroupRequest);
    case 14:
      return syncGroup(body as Generated.SyncGroup.SyncGroupRequest);
    case 9:
      return offsetFetch(body as Generated.OffsetFetch.OffsetFetchRequest);
    case 8:
      return offsetCommit(body as Generated.OffsetCommit.OffsetCommitRequest);
    case 19:
      return createTopics(body as Generated.CreateTopics.CreateTopicsRequest, state);
    case 17:
      return { errorCode: 0, mechanisms: ["PLAIN"] };
    case 36:
      return { errorCode: 0, errorMessage: null, authBytes: new Uint8Array(0), sessionLifetimeMs: 0n };
    case 22:
      return { throttleTimeMs: 0, errorCode: 0, producerId: 4242n, producerEpoch: 0 };
    default:
      return genericResponse(header);
  }
}

function apiVersions(): Generated.ApiVersions.ApiVersionsResponse {
  return {
    errorCode: 0,
    apiKeys: advertisedApis.map((api) => ({
      apiKey: api.apiKey,
      minVersion: api.minVersion,
      maxVersion: api.maxVersion,
    })),
    throttleTimeMs: 0,
    supportedFeatures: [],
    finalizedFeaturesEpoch: -1n,
    finalizedFeatures: [],
    zkMigrationReady: false,
  };
}

function metadata(
  request: Generated.Metadata.MetadataRequest,
  state: BrokerState,
  port: number,
): Generated.Metadata.MetadataResponse {
  for (const topic of request.topics ?? []) if (topic.name !== null) state.topics.add(topic.name);
  const names =
    request.topics === null || request.topics.length === 0
      ? [...state.topics]
      : request.topics.map((topic) => topic.name ?? "");
  return {
    throttleTimeMs: 0,
    brokers: [{ nodeId: 0, host, port, rack: null }],
    clusterId: "helix-capture",
    controllerId: 0,
    topics: names.map((name) => ({
      errorCode: 0,
      name,
      topicId: topicIdText,
      isInternal: false,
      partitions: [
        {
          errorCode: 0,
          partitionIndex: 0,
          leaderId: 0,
          leaderEpoch: 0,
          replicaNodes: [0],
          isrNodes: [0],
          offlineReplicas: [],
        },
      ],
      topicAuthorizedOperations: -2147483648,
    })),
    clusterAuthorizedOperations: -2147483648,
  };
}

function produce(
  request: Generated.Produce.ProduceRequest,
  state: BrokerState,
): Generated.Produce.ProduceResponse | undefined {
  for (const topic of request.topicData) {
    const records = topic.partitionData[0]?.records;
    if (records !== null && records !== undefined && !state.batches.has(topic.name))
      state.batches.set(topic.name, records.slice());
  }
  // acks=0: the client expects no response at all.
  if (request.acks === 0) return undefined;
  return {
    responses: request.topicData.map((topic) => ({
      name: topic.name,
      partitionResponses: topic.partitionData.map((partition) => ({
        index: partition.index,
        errorCode: 0,
        baseOffset: 0n,
        logAppendTimeMs: -1n,
        logStartOffset: 0n,
        recordErrors: [],
        errorMessage: null,
        currentLeader: { leaderId: -1, leaderEpoch: -1 },
      })),
    })),
    throttleTimeMs: 0,
    nodeEndpoints: [],
  };
}

function fetch(request: Generated.Fetch.FetchRequest, state: BrokerState): Generated.Fetch.FetchResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    sessionId: 0,
    responses: request.topics.map((topic) => {
      const name = topic.topic === "" ? "capture-topic" : topic.topic;
      const batch = state.batches.get(name);
      return {
        topic: topic.topic,
        topicId: topic.topicId,
        partitions: topic.partitions.map((partition) => ({
          partitionIndex: partition.partition,
          errorCode: 0,
          highWatermark: batch === undefined ? 0n : 1n,
          lastStableOffset: batch === undefined ? 0n : 1n,
          logStartOffset: 0n,
          divergingEpoch: { epoch: -1, endOffset: -1n },
          currentLeader: { leaderId: -1, leaderEpoch: -1 },
          snapshotId: { endOffset: -1n, epoch: -1 },
          abortedTransactions: [],
          preferredReadReplica: -1,
          records: batch !== undefined && partition.fetchOffset === 0n ? batch : new Uint8Array(0),
        })),
      };
    }),
    nodeEndpoints: [],
  };
}

function listOffsets(
  request: Generated.ListOffsets.ListOffsetsRequest,
): Generated.ListOffsets.ListOffsetsResponse {
  return {
    throttleTimeMs: 0,
    topics: request.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((partition) => ({
        partitionIndex: partition.partitionIndex,
        errorCode: 0,
        oldStyleOffsets: [0n],
        timestamp: -1n,
        offset: 0n,
        leaderEpoch: 0,
      })),
    })),
  };
}

function findCoordinator(
  request: Generated.FindCoordinator.FindCoordinatorRequest,
  port: number,
): Generated.FindCoordinator.FindCoordinatorResponse {
  const keys = request.coordinatorKeys.length > 0 ? request.coordinatorKeys : [request.key];
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: null,
    nodeId: 0,
    host,
    port,
    coordinators: keys.map((key) => ({ key, nodeId: 0, host, port, errorCode: 0, errorMessage: null })),
  };
}

const memberId = "capture-member-1";

function joinGroup(request: Generated.JoinGroup.JoinGroupRequest): Generated.JoinGroup.JoinGroupResponse {
  const protocol = request.protocols[0];
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    generationId: 1,
    protocolType: request.protocolType,
    protocolName: protocol?.name ?? null,
    leader: memberId,
    skipAssignment: false,
    memberId,
    members: [{ memberId, groupInstanceId: null, metadata: protocol?.metadata ?? new Uint8Array(0) }],
  };
}

function syncGroup(request: Generated.SyncGroup.SyncGroupRequest): Generated.SyncGroup.SyncGroupResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    protocolType: request.protocolType,
    protocolName: request.protocolName,
    assignment: request.assignments[0]?.assignment ?? new Uint8Array(0),
  };
}

function offsetFetch(
  request: Generated.OffsetFetch.OffsetFetchRequest,
): Generated.OffsetFetch.OffsetFetchResponse {
  const partitionsOf = (topics: readonly { name: string; partitionIndexes: readonly number[] }[] | null) =>
    (topics ?? []).map((topic) => ({
      name: topic.name,
      partitions: topic.partitionIndexes.map((partitionIndex) => ({
        partitionIndex,
        committedOffset: -1n,
        committedLeaderEpoch: -1,
        metadata: "",
        errorCode: 0,
      })),
    }));
  return {
    throttleTimeMs: 0,
    topics: partitionsOf(request.topics),
    errorCode: 0,
    groups: request.groups.map((group) => ({
      groupId: group.groupId,
      topics: partitionsOf(group.topics),
      errorCode: 0,
    })),
  };
}

function offsetCommit(
  request: Generated.OffsetCommit.OffsetCommitRequest,
): Generated.OffsetCommit.OffsetCommitResponse {
  return {
    throttleTimeMs: 0,
    topics: request.topics.map((topic) => ({
      name: topic.name,
      partitions: topic.partitions.map((partition) => ({
        partitionIndex: partition.partitionIndex,
        errorCode: 0,
      })),
    })),
  };
}

function createTopics(
  request: Generated.CreateTopics.CreateTopicsRequest,
  state: BrokerState,
): Generated.CreateTopics.CreateTopicsResponse {
  for (const topic of request.topics) state.topics.add(topic.name);
  return {
    throttleTimeMs: 0,
    topics: request.topics.map((topic) => ({
      name: topic.name,
      topicId: topicIdText,
      errorCode: 0,
      errorMessage: null,
      topicConfigErrorCode: 0,
      numPartitions: 1,
      replicationFactor: 1,
      configs: [],
    })),
  };
}

/** For the remaining APIs: the schema-default response, which clients read as "no error, nothing". */
function genericResponse(header: RequestHeader): unknown {
  const name = findGeneratedApi(header.requestApiKey)?.name;
  const factory = name === undefined ? undefined : defaultResponses[name];
  return factory?.();
}

const defaultResponses: Record<string, () => unknown> = {
  DeleteGroups: defaultDeleteGroupsResponse,
  DeleteRecords: defaultDeleteRecordsResponse,
  DeleteTopics: defaultDeleteTopicsResponse,
  DescribeCluster: defaultDescribeClusterResponse,
  DescribeConfigs: defaultDescribeConfigsResponse,
  DescribeGroups: defaultDescribeGroupsResponse,
  DescribeProducers: defaultDescribeProducersResponse,
  IncrementalAlterConfigs: defaultIncrementalAlterConfigsResponse,
  Heartbeat: defaultHeartbeatResponse,
  LeaveGroup: defaultLeaveGroupResponse,
  ListGroups: defaultListGroupsResponse,
  CreatePartitions: defaultCreatePartitionsResponse,
  AlterConfigs: defaultAlterConfigsResponse,
  OffsetForLeaderEpoch: defaultOffsetForLeaderEpochResponse,
};
