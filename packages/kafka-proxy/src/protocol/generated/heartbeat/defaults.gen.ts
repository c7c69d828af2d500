// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { HeartbeatRequest, HeartbeatResponse } from "./types.gen.js";

/** A HeartbeatRequest with every field at its schema default. */
export function defaultHeartbeatRequest(): HeartbeatRequest {
  return {
    groupId: "",
    generationId: 0,
    memberId: "",
    groupInstanceId: null,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isHeartbeatRequestDefault(value: HeartbeatRequest): boolean {
  return value.groupId === "" &&
    value.generationId === 0 &&
    value.memberId === "" &&
    value.groupInstanceId === null &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A HeartbeatResponse with every field at its schema default. */
export function defaultHeartbeatResponse(): HeartbeatResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isHeartbeatResponseDefault(value: HeartbeatResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.errorCode === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
