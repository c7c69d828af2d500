// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** DescribeGroupsRequest, all versions. */
export interface DescribeGroupsRequest {
  /** The names of the groups to describe Versions 0+. */
  readonly groups: readonly string[];
  /** Whether to include authorized operations. Versions 3+. */
  readonly includeAuthorizedOperations: boolean;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DescribeGroupsResponse, all versions. */
export interface DescribeGroupsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1+. */
  readonly throttleTimeMs: number;
  /** Each described group. Versions 0+. */
  readonly groups: readonly DescribedGroup[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DescribedGroup in DescribeGroupsResponse. */
export interface DescribedGroup {
  /** The describe error, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** The group ID string. Versions 0+. */
  readonly groupId: string;
  /** The group state string, or the empty string. Versions 0+. */
  readonly groupState: string;
  /** The group protocol type, or the empty string. Versions 0+. */
  readonly protocolType: string;
  /** The group protocol data, or the empty string. Versions 0+. */
  readonly protocolData: string;
  /** The group members. Versions 0+. */
  readonly members: readonly DescribedGroupMember[];
  /** 32-bit bitfield to represent authorized operations for this group. Versions 3+. */
  readonly authorizedOperations: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DescribedGroupMember in DescribeGroupsResponse. */
export interface DescribedGroupMember {
  /** The member ID assigned by the group coordinator. Versions 0+. */
  readonly memberId: string;
  /** The unique identifier of the consumer instance provided by end user. Versions 4+. */
  readonly groupInstanceId: string | null;
  /** The client ID used in the member's latest join group request. Versions 0+. */
  readonly clientId: string;
  /** The client host. Versions 0+. */
  readonly clientHost: string;
  /** The metadata corresponding to the current group protocol in use. Versions 0+. */
  readonly memberMetadata: Uint8Array;
  /** The current assignment provided by the group leader. Versions 0+. */
  readonly memberAssignment: Uint8Array;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
