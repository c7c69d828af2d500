/**
 * IncrementalAlterConfigs (key 44, KIP-339): SET (0) and DELETE (1) of named configs. APPEND (2) and
 * SUBTRACT (3) apply only to list-typed configs, which Helix does not have: answered INVALID_CONFIG.
 */
import { kafkaErrorCode } from "@helixlog/core";
import type { ConfigChange } from "../../backend.js";
import { wireErrorCode } from "../../kafka-error-codes.js";
import {
  type IncrementalAlterConfigsRequest,
  type IncrementalAlterConfigsResponse,
  incrementalAlterConfigsApi,
} from "../../protocol/generated/incremental-alter-configs/index.gen.js";
import { defineHandler, errorCodeOf, errorMessageOf } from "../context.js";
import { configResourceOf } from "./config-resources.js";

const operationSet = 0;
const operationDelete = 1;

export const incrementalAlterConfigsHandler = defineHandler<
  IncrementalAlterConfigsRequest,
  IncrementalAlterConfigsResponse
>({
  api: incrementalAlterConfigsApi,
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
        const changes: ConfigChange[] = [];
        for (const config of wanted.configs) {
          if (config.configOperation === operationDelete)
            changes.push({ operation: "delete", name: config.name });
          else if (config.configOperation === operationSet && config.value !== null)
            changes.push({ operation: "set", name: config.name, value: config.value });
          else
            return {
              ...base,
              errorCode: kafkaErrorCode.INVALID_CONFIG,
              errorMessage: `unsupported operation on ${config.name}`,
            };
        }
        try {
          await context.backend.alterConfigs(resource, changes, "incremental", request.validateOnly);
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
