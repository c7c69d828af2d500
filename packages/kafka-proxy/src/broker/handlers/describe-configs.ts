/** DescribeConfigs (key 32): topic and broker configs as the backend reports them. */
import { wireErrorCode } from "../../kafka-error-codes.js";
import {
  type DescribeConfigsRequest,
  type DescribeConfigsResponse,
  type DescribeConfigsResult,
  describeConfigsApi,
} from "../../protocol/generated/describe-configs/index.gen.js";
import { defineHandler, errorCodeOf, errorMessageOf } from "../context.js";
import { configResourceOf } from "./config-resources.js";

/** ConfigSource: DYNAMIC_TOPIC_CONFIG (1) for set values, DEFAULT_CONFIG (5) otherwise. */
const sourceDynamicTopic = 1;
const sourceDefault = 5;
/** ConfigType UNKNOWN (0): we do not type configs. */
const configTypeUnknown = 0;

export const describeConfigsHandler = defineHandler<DescribeConfigsRequest, DescribeConfigsResponse>({
  api: describeConfigsApi,
  handle: async (context, request) => ({
    throttleTimeMs: 0,
    results: await Promise.all(
      request.resources.map(async (wanted): Promise<DescribeConfigsResult> => {
        const resource = configResourceOf(wanted.resourceType, wanted.resourceName);
        const base = { resourceType: wanted.resourceType, resourceName: wanted.resourceName };
        if (resource === undefined)
          return {
            ...base,
            errorCode: wireErrorCode.invalidRequest,
            errorMessage: "unsupported resource type",
            configs: [],
          };
        try {
          const keys = wanted.configurationKeys === null ? null : new Set(wanted.configurationKeys);
          const entries = (await context.backend.describeConfigs(resource)).filter(
            (entry) => keys === null || keys.has(entry.name),
          );
          return {
            ...base,
            errorCode: 0,
            errorMessage: null,
            configs: entries.map((entry) => ({
              name: entry.name,
              value: entry.sensitive ? null : entry.value,
              readOnly: entry.readOnly,
              isDefault: entry.isDefault,
              configSource: entry.isDefault ? sourceDefault : sourceDynamicTopic,
              isSensitive: entry.sensitive,
              synonyms: [],
              configType: configTypeUnknown,
              documentation: null,
            })),
          };
        } catch (error) {
          return {
            ...base,
            errorCode: errorCodeOf(context, error),
            errorMessage: errorMessageOf(error),
            configs: [],
          };
        }
      }),
    ),
  }),
  errorResponse: (request, errorCode) => ({
    throttleTimeMs: 0,
    results: request.resources.map((resource) => ({
      errorCode,
      errorMessage: null,
      resourceType: resource.resourceType,
      resourceName: resource.resourceName,
      configs: [],
    })),
  }),
});
