// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { DeleteTopicsRequest, DeleteTopicState, DeleteTopicsResponse, DeletableTopicResult } from "./types.gen.js";

/** A DeleteTopicsRequest with every field at its schema default. */
export function defaultDeleteTopicsRequest(): DeleteTopicsRequest {
  return {
    topics: [],
    topicNames: [],
    timeoutMs: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDeleteTopicsRequestDefault(value: DeleteTopicsRequest): boolean {
  return value.topics.length === 0 &&
    value.topicNames.length === 0 &&
    value.timeoutMs === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DeleteTopicState with every field at its schema default. */
export function defaultDeleteTopicState(): DeleteTopicState {
  return {
    name: null,
    topicId: zeroUuid,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDeleteTopicStateDefault(value: DeleteTopicState): boolean {
  return value.name === null &&
    value.topicId === zeroUuid &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DeleteTopicsResponse with every field at its schema default. */
export function defaultDeleteTopicsResponse(): DeleteTopicsResponse {
  return {
    throttleTimeMs: 0,
    responses: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDeleteTopicsResponseDefault(value: DeleteTopicsResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.responses.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DeletableTopicResult with every field at its schema default. */
export function defaultDeletableTopicResult(): DeletableTopicResult {
  return {
    name: "",
    topicId: zeroUuid,
    errorCode: 0,
    errorMessage: null,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDeletableTopicResultDefault(value: DeletableTopicResult): boolean {
  return value.name === "" &&
    value.topicId === zeroUuid &&
    value.errorCode === 0 &&
    value.errorMessage === null &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
