// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { EndTxnRequest, EndTxnResponse } from "./types.gen.js";

/** A EndTxnRequest with every field at its schema default. */
export function defaultEndTxnRequest(): EndTxnRequest {
  return {
    transactionalId: "",
    producerId: 0n,
    producerEpoch: 0,
    committed: false,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isEndTxnRequestDefault(value: EndTxnRequest): boolean {
  return value.transactionalId === "" &&
    value.producerId === 0n &&
    value.producerEpoch === 0 &&
    value.committed === false &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A EndTxnResponse with every field at its schema default. */
export function defaultEndTxnResponse(): EndTxnResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
    producerId: -1n,
    producerEpoch: -1,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isEndTxnResponseDefault(value: EndTxnResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.errorCode === 0 &&
    value.producerId === -1n &&
    value.producerEpoch === -1 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
