// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { ApiVersionsRequest, ApiVersionsResponse, ApiVersion, SupportedFeatureKey, FinalizedFeatureKey } from "./types.gen.js";

/** A ApiVersionsRequest with every field at its schema default. */
export function defaultApiVersionsRequest(): ApiVersionsRequest {
  return {
    clientSoftwareName: "",
    clientSoftwareVersion: "",
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isApiVersionsRequestDefault(value: ApiVersionsRequest): boolean {
  return value.clientSoftwareName === "" &&
    value.clientSoftwareVersion === "" &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A ApiVersionsResponse with every field at its schema default. */
export function defaultApiVersionsResponse(): ApiVersionsResponse {
  return {
    errorCode: 0,
    apiKeys: [],
    throttleTimeMs: 0,
    supportedFeatures: [],
    finalizedFeaturesEpoch: -1n,
    finalizedFeatures: [],
    zkMigrationReady: false,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isApiVersionsResponseDefault(value: ApiVersionsResponse): boolean {
  return value.errorCode === 0 &&
    value.apiKeys.length === 0 &&
    value.throttleTimeMs === 0 &&
    value.supportedFeatures.length === 0 &&
    value.finalizedFeaturesEpoch === -1n &&
    value.finalizedFeatures.length === 0 &&
    value.zkMigrationReady === false &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A ApiVersion with every field at its schema default. */
export function defaultApiVersion(): ApiVersion {
  return {
    apiKey: 0,
    minVersion: 0,
    maxVersion: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isApiVersionDefault(value: ApiVersion): boolean {
  return value.apiKey === 0 &&
    value.minVersion === 0 &&
    value.maxVersion === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A SupportedFeatureKey with every field at its schema default. */
export function defaultSupportedFeatureKey(): SupportedFeatureKey {
  return {
    name: "",
    minVersion: 0,
    maxVersion: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isSupportedFeatureKeyDefault(value: SupportedFeatureKey): boolean {
  return value.name === "" &&
    value.minVersion === 0 &&
    value.maxVersion === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A FinalizedFeatureKey with every field at its schema default. */
export function defaultFinalizedFeatureKey(): FinalizedFeatureKey {
  return {
    name: "",
    maxVersionLevel: 0,
    minVersionLevel: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isFinalizedFeatureKeyDefault(value: FinalizedFeatureKey): boolean {
  return value.name === "" &&
    value.maxVersionLevel === 0 &&
    value.minVersionLevel === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
