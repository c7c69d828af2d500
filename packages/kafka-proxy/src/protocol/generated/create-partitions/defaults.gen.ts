// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { CreatePartitionsRequest, CreatePartitionsTopic, CreatePartitionsAssignment, CreatePartitionsResponse, CreatePartitionsTopicResult } from "./types.gen.js";

/** A CreatePartitionsRequest with every field at its schema default. */
export function defaultCreatePartitionsRequest(): CreatePartitionsRequest {
  return {
    topics: [],
    timeoutMs: 0,
    validateOnly: false,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isCreatePartitionsRequestDefault(value: CreatePartitionsRequest): boolean {
  return value.topics.length === 0 &&
    value.timeoutMs === 0 &&
    value.validateOnly === false &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A CreatePartitionsTopic with every field at its schema default. */
export function defaultCreatePartitionsTopic(): CreatePartitionsTopic {
  return {
    name: "",
    count: 0,
    assignments: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isCreatePartitionsTopicDefault(value: CreatePartitionsTopic): boolean {
  return value.name === "" &&
    value.count === 0 &&
    (value.assignments !== null && value.assignments.length === 0) &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A CreatePartitionsAssignment with every field at its schema default. */
export function defaultCreatePartitionsAssignment(): CreatePartitionsAssignment {
  return {
    brokerIds: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isCreatePartitionsAssignmentDefault(value: CreatePartitionsAssignment): boolean {
  return value.brokerIds.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A CreatePartitionsResponse with every field at its schema default. */
export function defaultCreatePartitionsResponse(): CreatePartitionsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isCreatePartitionsResponseDefault(value: CreatePartitionsResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.results.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A CreatePartitionsTopicResult with every field at its schema default. */
export function defaultCreatePartitionsTopicResult(): CreatePartitionsTopicResult {
  return {
    name: "",
    errorCode: 0,
    errorMessage: null,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isCreatePartitionsTopicResultDefault(value: CreatePartitionsTopicResult): boolean {
  return value.name === "" &&
    value.errorCode === 0 &&
    value.errorMessage === null &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
