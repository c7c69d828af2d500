/** AlterConfigs (key 33): replaces a resource's whole config set (unnamed configs return to defaults). */
import type { ConfigChange } from "../../backend.js";
import { wireErrorCode } from "../../kafka-error-codes.js";
import {
  type AlterConfigsRequest,
  type AlterConfigsResponse,
  alterConfigsApi,
} from "../../protocol/generated/alter-configs/index.gen.js";
import { defineHandler, errorCodeOf, errorMessageOf } from "../context.js";
import { configResourceOf } from "./config-resources.js";

export const alterConfigsHandler = defineHandler<AlterConfigsRequest, AlterConfigsResponse>({
  api: alterConfigsApi,
  handle: async (context, request) => ({
    throttleTimeMs: 0,
    responses: await Promise.all(
      request.resources.map(async (wanted) => {
        const base = { resourceType: wanted.resourceType, resourceName: wanted.resourceName };
        const resource = configResourceOf(wanted.resourceType, wanted.resourceName);
        if (resource === undefined)
          return {
            ...base,
            errorCode: wireErrorCode.invalidRequest,
            errorMessage: "unsupported resource type",
          };
        const changes: ConfigChange[] = wanted.configs.map((config) =>
          config.value === null
            ? { operation: "delete", name: config.name }
            : { operation: "set", name: config.name, value: config.value },
        );
        try {
          await context.backend.alterConfigs(resource, changes, "replace", request.validateOnly);
          return { ...base, errorCode: 0, errorMessage: null };
        } catch (error) {
          return { ...base, errorCode: errorCodeOf(context, error), errorMessage: errorMessageOf(error) };
        }
      }),
    ),
  }),
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    responses: request.resources.map((resource) => ({
      errorCode,
      errorMessage: null,
      resourceType: resource.resourceType,
      resourceName: resource.resourceName,
    })),
  }),
});
