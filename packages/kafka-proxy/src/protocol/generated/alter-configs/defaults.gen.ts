// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { AlterConfigsRequest, AlterConfigsResource, AlterableConfig, AlterConfigsResponse, AlterConfigsResourceResponse } from "./types.gen.js";

/** A AlterConfigsRequest with every field at its schema default. */
export function defaultAlterConfigsRequest(): AlterConfigsRequest {
  return {
    resources: [],
    validateOnly: false,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isAlterConfigsRequestDefault(value: AlterConfigsRequest): boolean {
  return value.resources.length === 0 &&
    value.validateOnly === false &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A AlterConfigsResource with every field at its schema default. */
export function defaultAlterConfigsResource(): AlterConfigsResource {
  return {
    resourceType: 0,
    resourceName: "",
    configs: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isAlterConfigsResourceDefault(value: AlterConfigsResource): boolean {
  return value.resourceType === 0 &&
    value.resourceName === "" &&
    value.configs.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A AlterableConfig with every field at its schema default. */
export function defaultAlterableConfig(): AlterableConfig {
  return {
    name: "",
    value: "",
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isAlterableConfigDefault(value: AlterableConfig): boolean {
  return value.name === "" &&
    value.value === "" &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A AlterConfigsResponse with every field at its schema default. */
export function defaultAlterConfigsResponse(): AlterConfigsResponse {
  return {
    throttleTimeMs: 0,
    responses: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isAlterConfigsResponseDefault(value: AlterConfigsResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.responses.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A AlterConfigsResourceResponse with every field at its schema default. */
export function defaultAlterConfigsResourceResponse(): AlterConfigsResourceResponse {
  return {
    errorCode: 0,
    errorMessage: "",
    resourceType: 0,
    resourceName: "",
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isAlterConfigsResourceResponseDefault(value: AlterConfigsResourceResponse): boolean {
  return value.errorCode === 0 &&
    value.errorMessage === "" &&
    value.resourceType === 0 &&
    value.resourceName === "" &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
