/** CreatePartitions (key 37): grows topics to a new partition count; replica assignments are the backend's. */
import {
  type CreatePartitionsRequest,
  type CreatePartitionsResponse,
  createPartitionsApi,
} from "../../protocol/generated/create-partitions/index.gen.js";
import { defineHandler, errorCodeOf, errorMessageOf } from "../context.js";

export const createPartitionsHandler = defineHandler<CreatePartitionsRequest, CreatePartitionsResponse>({
  api: createPartitionsApi,
  handle: async (context, request) => ({
    throttleTimeMs: 0,
    results: await Promise.all(
      request.topics.map(async (topic) => {
        try {
          await context.backend.createPartitions(topic.name, topic.count, request.validateOnly);
          return { name: topic.name, errorCode: 0, errorMessage: null };
        } catch (error) {
          return {
            name: topic.name,
            errorCode: errorCodeOf(context, error),
            errorMessage: errorMessageOf(error),
          };
        }
      }),
    ),
  }),
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    results: request.topics.map((topic) => ({ name: topic.name, errorCode, errorMessage: null })),
  }),
});
