/**
 * Metadata (key 3): every live broker, the controller, and the topics asked for. Topic ids are real
 * UUIDs in v10+ (where the field exists). Unknown topics are answered UNKNOWN_TOPIC_OR_PARTITION unless
 * auto-creation is enabled on the listener and allowed by the request (Kafka's
 * auto.create.topics.enable, off here by default because a typo should not create a topic).
 */
import { HelixError } from "@helixlog/core";
import type { ClusterMetadata, TopicDescription } from "../../backend.js";
import { wireErrorCode } from "../../kafka-error-codes.js";
import {
  type MetadataRequest,
  type MetadataResponse,
  type MetadataResponseTopic,
  metadataApi,
} from "../../protocol/generated/metadata/index.gen.js";
import { zeroUuid } from "../../protocol/uuid.js";
import { defineHandler, errorCodeOf, type RequestContext } from "../context.js";

/** Kafka's "authorized operations not requested" marker (Integer.MIN_VALUE). */
const operationsNotRequested = -2147483648;
/** First version whose response may carry a null topic name, so the first that looks topics up by id. */
const topicIdLookupVersionMin = 12;

export const metadataHandler = defineHandler<MetadataRequest, MetadataResponse>({
  api: metadataApi,
  handle: async (context, request) => {
    const everyTopic =
      request.topics === null || (context.header.requestApiVersion === 0 && request.topics.length === 0);
    const cluster = await context.backend.metadata(everyTopic ? null : namesOf(request));
    if (everyTopic) return answer(cluster, cluster.topics.map(describedTopic));
    const byName = new Map(cluster.topics.map((topic) => [topic.name, topic]));
    const topics: MetadataResponseTopic[] = [];
    const all = request.topics?.some((topic) => topic.name === null)
      ? await context.backend.metadata(null)
      : cluster;
    for (const wanted of request.topics ?? []) {
      if (wanted.name === null && context.header.requestApiVersion < topicIdLookupVersionMin) {
        // As Kafka: v10 and v11 let the request name be null but not the answer; lookups by id are v12+.
        topics.push(missingTopic("", wanted.topicId, wireErrorCode.invalidRequest));
        continue;
      }
      if (wanted.name === null) {
        const found = all.topics.find((topic) => topic.topicId === wanted.topicId);
        topics.push(
          found === undefined
            ? missingTopic(null, wanted.topicId, wireErrorCode.unknownTopicId)
            : describedTopic(found),
        );
        continue;
      }
      const found = byName.get(wanted.name);
      topics.push(
        found !== undefined ? describedTopic(found) : await maybeCreate(context, request, wanted.name),
      );
    }
    return answer(cluster, topics);
  },
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    brokers: [],
    clusterId: null,
    controllerId: -1,
    // A null name cannot be answered before v12; "" stands for it (the client asked by id).
    topics: (request.topics ?? []).map((topic) => missingTopic(topic.name ?? "", topic.topicId, errorCode)),
    clusterAuthorizedOperations: operationsNotRequested,
  }),
});

function namesOf(request: MetadataRequest): string[] {
  return (request.topics ?? []).flatMap((topic) => (topic.name === null ? [] : [topic.name]));
}

async function maybeCreate(
  context: RequestContext,
  request: MetadataRequest,
  name: string,
): Promise<MetadataResponseTopic> {
  if (!context.autoCreateTopics || !request.allowAutoTopicCreation)
    return missingTopic(name, zeroUuid, wireErrorCode.unknownTopicOrPartition);
  try {
    const created = await context.backend.createTopic({
      name,
      partitions: -1,
      replicationFactor: -1,
      configs: new Map(),
      validateOnly: false,
    });
    // As Kafka: the creating request learns the topic exists but its leaders are still being elected.
    return { ...describedTopic(created), errorCode: wireErrorCode.leaderNotAvailable };
  } catch (error) {
    const code = HelixError.is(error, "ALREADY_EXISTS")
      ? wireErrorCode.leaderNotAvailable
      : errorCodeOf(context, error);
    return missingTopic(name, zeroUuid, code);
  }
}

function answer(cluster: ClusterMetadata, topics: MetadataResponseTopic[]): MetadataResponse {
  return {
    throttleTimeMs: 0,
    brokers: cluster.brokers.map((broker) => ({
      nodeId: broker.nodeId,
      host: broker.host,
      port: broker.port,
      rack: broker.rack,
    })),
    clusterId: cluster.clusterId,
    controllerId: cluster.controllerId,
    topics,
    clusterAuthorizedOperations: operationsNotRequested,
  };
}

function describedTopic(topic: TopicDescription): MetadataResponseTopic {
  return {
    errorCode: 0,
    name: topic.name,
    topicId: topic.topicId,
    isInternal: topic.internal,
    partitions: topic.partitions.map((partition) => ({
      errorCode: partition.leaderId < 0 ? wireErrorCode.leaderNotAvailable : 0,
      partitionIndex: partition.partition,
      leaderId: partition.leaderId,
      leaderEpoch: partition.leaderEpoch,
      replicaNodes: partition.replicas,
      isrNodes: partition.isr,
      offlineReplicas: partition.offlineReplicas,
    })),
    topicAuthorizedOperations: operationsNotRequested,
  };
}

function missingTopic(name: string | null, topicId: string, errorCode: number): MetadataResponseTopic {
  return {
    errorCode,
    name,
    topicId,
    isInternal: false,
    partitions: [],
    topicAuthorizedOperations: operationsNotRequested,
  };
}
