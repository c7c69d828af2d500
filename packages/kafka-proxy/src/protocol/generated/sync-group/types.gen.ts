// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** SyncGroupRequest, all versions. */
export interface SyncGroupRequest {
  /** The unique group identifier. Versions 0+. */
  readonly groupId: string;
  /** The generation of the group. Versions 0+. */
  readonly generationId: number;
  /** The member ID assigned by the group. Versions 0+. */
  readonly memberId: string;
  /** The unique identifier of the consumer instance provided by end user. Versions 3+. */
  readonly groupInstanceId: string | null;
  /** The group protocol type. Versions 5+. */
  readonly protocolType: string | null;
  /** The group protocol name. Versions 5+. */
  readonly protocolName: string | null;
  /** Each assignment. Versions 0+. */
  readonly assignments: readonly SyncGroupRequestAssignment[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** SyncGroupRequestAssignment in SyncGroupRequest. */
export interface SyncGroupRequestAssignment {
  /** The ID of the member to assign. Versions 0+. */
  readonly memberId: string;
  /** The member assignment. Versions 0+. */
  readonly assignment: Uint8Array;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** SyncGroupResponse, all versions. */
export interface SyncGroupResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1+. */
  readonly throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** The group protocol type. Versions 5+. */
  readonly protocolType: string | null;
  /** The group protocol name. Versions 5+. */
  readonly protocolName: string | null;
  /** The member assignment. Versions 0+. */
  readonly assignment: Uint8Array;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
