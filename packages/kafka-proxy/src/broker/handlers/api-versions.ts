/** ApiVersions (key 18): our advertised ranges. An unsupported version never reaches here (see connection.ts). */
import { advertisedApis } from "../../framing/api-table.js";
import {
  type ApiVersionsRequest,
  type ApiVersionsResponse,
  apiVersionsApi,
} from "../../protocol/generated/api-versions/index.gen.js";
import { defineHandler } from "../context.js";

export const apiVersionsHandler = defineHandler<ApiVersionsRequest, ApiVersionsResponse>({
  api: apiVersionsApi,
  handle: async () => answer(0),
  errorResponse: (_request, errorCode) => answer(errorCode),
});

function answer(errorCode: number): ApiVersionsResponse {
  return {
    errorCode,
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
