// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** HeartbeatRequest, all versions. */
export interface HeartbeatRequest {
  /** The group id. Versions 0+. */
  readonly groupId: string;
  /** The generation of the group. Versions 0+. */
  readonly generationId: number;
  /** The member ID. Versions 0+. */
  readonly memberId: string;
  /** The unique identifier of the consumer instance provided by end user. Versions 3+. */
  readonly groupInstanceId: string | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** HeartbeatResponse, all versions. */
export interface HeartbeatResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1+. */
  readonly throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
