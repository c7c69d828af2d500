// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { FindCoordinatorRequest, FindCoordinatorResponse, Coordinator } from "./types.gen.js";

/** A FindCoordinatorRequest with every field at its schema default. */
export function defaultFindCoordinatorRequest(): FindCoordinatorRequest {
  return {
    key: "",
    keyType: 0,
    coordinatorKeys: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isFindCoordinatorRequestDefault(value: FindCoordinatorRequest): boolean {
  return value.key === "" &&
    value.keyType === 0 &&
    value.coordinatorKeys.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A FindCoordinatorResponse with every field at its schema default. */
export function defaultFindCoordinatorResponse(): FindCoordinatorResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    errorMessage: "",
    nodeId: 0,
    host: "",
    port: 0,
    coordinators: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isFindCoordinatorResponseDefault(value: FindCoordinatorResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.errorCode === 0 &&
    value.errorMessage === "" &&
    value.nodeId === 0 &&
    value.host === "" &&
    value.port === 0 &&
    value.coordinators.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A Coordinator with every field at its schema default. */
export function defaultCoordinator(): Coordinator {
  return {
    key: "",
    nodeId: 0,
    host: "",
    port: 0,
    errorCode: 0,
    errorMessage: "",
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isCoordinatorDefault(value: Coordinator): boolean {
  return value.key === "" &&
    value.nodeId === 0 &&
    value.host === "" &&
    value.port === 0 &&
    value.errorCode === 0 &&
    value.errorMessage === "" &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
