// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** ListGroupsRequest, all versions. */
export interface ListGroupsRequest {
  /** The states of the groups we want to list. If empty, all groups are returned with their state. Versions 4+. */
  readonly statesFilter: readonly string[];
  /** The types of the groups we want to list. If empty, all groups are returned with their type. Versions 5+. */
  readonly typesFilter: readonly string[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** ListGroupsResponse, all versions. */
export interface ListGroupsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1+. */
  readonly throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** Each group in the response. Versions 0+. */
  readonly groups: readonly ListedGroup[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** ListedGroup in ListGroupsResponse. */
export interface ListedGroup {
  /** The group ID. Versions 0+. */
  readonly groupId: string;
  /** The group protocol type. Versions 0+. */
  readonly protocolType: string;
  /** The group state name. Versions 4+. */
  readonly groupState: string;
  /** The group type name. Versions 5+. */
  readonly groupType: string;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
