// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** DeleteGroupsRequest, all versions. */
export interface DeleteGroupsRequest {
  /** The group names to delete. Versions 0+. */
  readonly groupsNames: readonly string[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DeleteGroupsResponse, all versions. */
export interface DeleteGroupsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0+. */
  readonly throttleTimeMs: number;
  /** The deletion results Versions 0+. */
  readonly results: readonly DeletableGroupResult[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DeletableGroupResult in DeleteGroupsResponse. */
export interface DeletableGroupResult {
  /** The group id Versions 0+. */
  readonly groupId: string;
  /** The deletion error, or 0 if the deletion succeeded. Versions 0+. */
  readonly errorCode: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
