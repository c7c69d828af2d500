// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { ListGroupsRequest, ListGroupsResponse, ListedGroup } from "./types.gen.js";

/** A ListGroupsRequest with every field at its schema default. */
export function defaultListGroupsRequest(): ListGroupsRequest {
  return {
    statesFilter: [],
    typesFilter: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isListGroupsRequestDefault(value: ListGroupsRequest): boolean {
  return value.statesFilter.length === 0 &&
    value.typesFilter.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A ListGroupsResponse with every field at its schema default. */
export function defaultListGroupsResponse(): ListGroupsResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    groups: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isListGroupsResponseDefault(value: ListGroupsResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.errorCode === 0 &&
    value.groups.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A ListedGroup with every field at its schema default. */
export function defaultListedGroup(): ListedGroup {
  return {
    groupId: "",
    protocolType: "",
    groupState: "",
    groupType: "",
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isListedGroupDefault(value: ListedGroup): boolean {
  return value.groupId === "" &&
    value.protocolType === "" &&
    value.groupState === "" &&
    value.groupType === "" &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
