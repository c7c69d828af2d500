// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { InitProducerIdRequest, InitProducerIdResponse } from "./types.gen.js";

/** A InitProducerIdRequest with every field at its schema default. */
export function defaultInitProducerIdRequest(): InitProducerIdRequest {
  return {
    transactionalId: "",
    transactionTimeoutMs: 0,
    producerId: -1n,
    producerEpoch: -1,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isInitProducerIdRequestDefault(value: InitProducerIdRequest): boolean {
  return value.transactionalId === "" &&
    value.transactionTimeoutMs === 0 &&
    value.producerId === -1n &&
    value.producerEpoch === -1 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A InitProducerIdResponse with every field at its schema default. */
export function defaultInitProducerIdResponse(): InitProducerIdResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    producerId: -1n,
    producerEpoch: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isInitProducerIdResponseDefault(value: InitProducerIdResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.errorCode === 0 &&
    value.producerId === -1n &&
    value.producerEpoch === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
