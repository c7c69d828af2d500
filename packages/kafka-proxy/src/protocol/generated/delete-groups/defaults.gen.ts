// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { DeleteGroupsRequest, DeleteGroupsResponse, DeletableGroupResult } from "./types.gen.js";

/** A DeleteGroupsRequest with every field at its schema default. */
export function defaultDeleteGroupsRequest(): DeleteGroupsRequest {
  return {
    groupsNames: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDeleteGroupsRequestDefault(value: DeleteGroupsRequest): boolean {
  return value.groupsNames.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DeleteGroupsResponse with every field at its schema default. */
export function defaultDeleteGroupsResponse(): DeleteGroupsResponse {
  return {
    throttleTimeMs: 0,
    results: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDeleteGroupsResponseDefault(value: DeleteGroupsResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.results.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A DeletableGroupResult with every field at its schema default. */
export function defaultDeletableGroupResult(): DeletableGroupResult {
  return {
    groupId: "",
    errorCode: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isDeletableGroupResultDefault(value: DeletableGroupResult): boolean {
  return value.groupId === "" &&
    value.errorCode === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
