/** DeleteTopics (key 20): by name (v0–v5 names, v6+ name or topic id). */
import { wireErrorCode } from "../../kafka-error-codes.js";
import {
  type DeletableTopicResult,
  type DeleteTopicsRequest,
  type DeleteTopicsResponse,
  deleteTopicsApi,
} from "../../protocol/generated/delete-topics/index.gen.js";
import { zeroUuid } from "../../protocol/uuid.js";
import { defineHandler, errorCodeOf, errorMessageOf, type RequestContext } from "../context.js";

export const deleteTopicsHandler = defineHandler<DeleteTopicsRequest, DeleteTopicsResponse>({
  api: deleteTopicsApi,
  handle: async (context, request) => ({
    throttleTimeMs: 0,
    responses: await Promise.all(
      wanted(request).map((topic) => deleteOne(context, topic.name, topic.topicId)),
    ),
  }),
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    responses: wanted(request).map((topic) => ({ ...topic, errorCode, errorMessage: null })),
  }),
});

function wanted(request: DeleteTopicsRequest): { name: string | null; topicId: string }[] {
  if (request.topics.length > 0)
    return request.topics.map((topic) => ({ name: topic.name, topicId: topic.topicId }));
  return request.topicNames.map((name) => ({ name, topicId: zeroUuid }));
}

async function deleteOne(
  context: RequestContext,
  name: string | null,
  topicId: string,
): Promise<DeletableTopicResult> {
  try {
    let resolved = name;
    if (resolved === null) {
      const topic = (await context.backend.metadata(null)).topics.find((each) => each.topicId === topicId);
      if (topic === undefined)
        return { name, topicId, errorCode: wireErrorCode.unknownTopicId, errorMessage: null };
      resolved = topic.name;
    }
    await context.backend.deleteTopic(resolved);
    return { name: resolved, topicId, errorCode: 0, errorMessage: null };
  } catch (error) {
    return { name, topicId, errorCode: errorCodeOf(context, error), errorMessage: errorMessageOf(error) };
  }
}
