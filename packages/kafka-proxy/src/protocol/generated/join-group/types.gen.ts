// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** JoinGroupRequest, all versions. */
export interface JoinGroupRequest {
  /** The group identifier. Versions 0+. */
  readonly groupId: string;
  /** The coordinator considers the consumer dead if it receives no heartbeat after this timeout in milliseconds. Versions 0+. */
  readonly sessionTimeoutMs: number;
  /** The maximum time in milliseconds that the coordinator will wait for each member to rejoin when rebalancing the group. Versions 1+. */
  readonly rebalanceTimeoutMs: number;
  /** The member id assigned by the group coordinator. Versions 0+. */
  readonly memberId: string;
  /** The unique identifier of the consumer instance provided by end user. Versions 5+. */
  readonly groupInstanceId: string | null;
  /** The unique name the for class of protocols implemented by the group we want to join. Versions 0+. */
  readonly protocolType: string;
  /** The list of protocols that the member supports. Versions 0+. */
  readonly protocols: readonly JoinGroupRequestProtocol[];
  /** The reason why the member (re-)joins the group. Versions 8+. */
  readonly reason: string | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** JoinGroupRequestProtocol in JoinGroupRequest. */
export interface JoinGroupRequestProtocol {
  /** The protocol name. Versions 0+. */
  readonly name: string;
  /** The protocol metadata. Versions 0+. */
  readonly metadata: Uint8Array;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** JoinGroupResponse, all versions. */
export interface JoinGroupResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 2+. */
  readonly throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** The generation ID of the group. Versions 0+. */
  readonly generationId: number;
  /** The group protocol name. Versions 7+. */
  readonly protocolType: string | null;
  /** The group protocol selected by the coordinator. Versions 0+. */
  readonly protocolName: string | null;
  /** The leader of the group. Versions 0+. */
  readonly leader: string;
  /** True if the leader must skip running the assignment. Versions 9+. */
  readonly skipAssignment: boolean;
  /** The member ID assigned by the group coordinator. Versions 0+. */
  readonly memberId: string;
  /**  Versions 0+. */
  readonly members: readonly JoinGroupResponseMember[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** JoinGroupResponseMember in JoinGroupResponse. */
export interface JoinGroupResponseMember {
  /** The group member ID. Versions 0+. */
  readonly memberId: string;
  /** The unique identifier of the consumer instance provided by end user. Versions 5+. */
  readonly groupInstanceId: string | null;
  /** The group member metadata. Versions 0+. */
  readonly metadata: Uint8Array;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
