// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** LeaveGroupRequest, all versions. */
export interface LeaveGroupRequest {
  /** The ID of the group to leave. Versions 0+. */
  readonly groupId: string;
  /** The member ID to remove from the group. Versions 0-2. */
  readonly memberId: string;
  /** List of leaving member identities. Versions 3+. */
  readonly members: readonly MemberIdentity[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** MemberIdentity in LeaveGroupRequest. */
export interface MemberIdentity {
  /** The member ID to remove from the group. Versions 3+. */
  readonly memberId: string;
  /** The group instance ID to remove from the group. Versions 3+. */
  readonly groupInstanceId: string | null;
  /** The reason why the member left the group. Versions 5+. */
  readonly reason: string | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** LeaveGroupResponse, all versions. */
export interface LeaveGroupResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1+. */
  readonly throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** List of leaving member responses. Versions 3+. */
  readonly members: readonly MemberResponse[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** MemberResponse in LeaveGroupResponse. */
export interface MemberResponse {
  /** The member ID to remove from the group. Versions 3+. */
  readonly memberId: string;
  /** The group instance ID to remove from the group. Versions 3+. */
  readonly groupInstanceId: string | null;
  /** The error code, or 0 if there was no error. Versions 3+. */
  readonly errorCode: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
