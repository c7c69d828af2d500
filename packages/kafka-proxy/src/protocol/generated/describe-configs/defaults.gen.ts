// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { DescribeConfigsRequest, DescribeConfigsResource, DescribeConfigsResponse, DescribeConfigsResult, DescribeConfigsResourceResult, DescribeConfigsSynonym } from "./types.gen.js";

/** A DescribeConfigsRequest with every field at its schema default. */
export function defaultDescribeConfigsRequest(): DescribeConfigsRequest {
  return {
    resources: [],
    includeSynonyms: false,
    includeDocumentation: false,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDescribeConfigsRequestDefault(value: DescribeConfigsRequest): boolean {
  return value.resources.length === 0 &&
    value.includeSynonyms === false &&
    value.includeDocumentation === false &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DescribeConfigsResource with every field at its schema default. */
export function defaultDescribeConfigsResource(): DescribeConfigsResource {
  return {
    resourceType: 0,
    resourceName: "",
    configurationKeys: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDescribeConfigsResourceDefault(value: DescribeConfigsResource): boolean {
  return value.resourceType === 0 &&
    value.resourceName === "" &&
    (value.configurationKeys !== null && value.configurationKeys.length === 0) &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DescribeConfigsResponse with every field at its schema default. */
export function defaultDescribeConfigsResponse(): DescribeConfigsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDescribeConfigsResponseDefault(value: DescribeConfigsResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.results.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DescribeConfigsResult with every field at its schema default. */
export function defaultDescribeConfigsResult(): DescribeConfigsResult {
  return {
    errorCode: 0,
    errorMessage: "",
    resourceType: 0,
    resourceName: "",
    configs: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDescribeConfigsResultDefault(value: DescribeConfigsResult): boolean {
  return value.errorCode === 0 &&
    value.errorMessage === "" &&
    value.resourceType === 0 &&
    value.resourceName === "" &&
    value.configs.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DescribeConfigsResourceResult with every field at its schema default. */
export function defaultDescribeConfigsResourceResult(): DescribeConfigsResourceResult {
  return {
    name: "",
    value: "",
    readOnly: false,
    isDefault: false,
    configSource: -1,
    isSensitive: false,
    synonyms: [],
    configType: 0,
    documentation: "",
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDescribeConfigsResourceResultDefault(value: DescribeConfigsResourceResult): boolean {
  return value.name === "" &&
    value.value === "" &&
    value.readOnly === false &&
    value.isDefault === false &&
    value.configSource === -1 &&
    value.isSensitive === false &&
    value.synonyms.length === 0 &&
    value.configType === 0 &&
    value.documentation === "" &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DescribeConfigsSynonym with every field at its schema default. */
export function defaultDescribeConfigsSynonym(): DescribeConfigsSynonym {
  return {
    name: "",
    value: "",
    source: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDescribeConfigsSynonymDefault(value: DescribeConfigsSynonym): boolean {
  return value.name === "" &&
    value.value === "" &&
    value.source === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
