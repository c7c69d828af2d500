/** CreateTopics (key 19): one backend call per topic; validateOnly checks without creating. */
import {
  type CreatableTopicResult,
  type CreateTopicsRequest,
  type CreateTopicsResponse,
  createTopicsApi,
} from "../../protocol/generated/create-topics/index.gen.js";
import { zeroUuid } from "../../protocol/uuid.js";
import { defineHandler, errorCodeOf, errorMessageOf } from "../context.js";

export const createTopicsHandler = defineHandler<CreateTopicsRequest, CreateTopicsResponse>({
  api: createTopicsApi,
  handle: async (context, request) => ({
    throttleTimeMs: 0,
    topics: await Promise.all(
      request.topics.map(async (topic): Promise<CreatableTopicResult> => {
        try {
          const created = await context.backend.createTopic({
            name: topic.name,
            partitions: topic.numPartitions,
            replicationFactor: topic.replicationFactor,
            configs: new Map(topic.configs.map((config) => [config.name, config.value])),
            validateOnly: request.validateOnly,
          });
          return {
            ...failed(topic.name, 0, null),
            topicId: created.topicId,
            numPartitions: created.partitions.length,
            replicationFactor: created.partitions[0]?.replicas.length ?? -1,
          };
        } catch (error) {
          return failed(topic.name, errorCodeOf(context, error), errorMessageOf(error));
        }
      }),
    ),
  }),
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    topics: request.topics.map((topic) => failed(topic.name, errorCode, null)),
  }),
});

function failed(name: string, errorCode: number, errorMessage: string | null): CreatableTopicResult {
  return {
    name,
    topicId: zeroUuid,
    errorCode,
    errorMessage,
    topicConfigErrorCode: 0,
    numPartitions: -1,
    replicationFactor: -1,
    configs: null,
  };
}
