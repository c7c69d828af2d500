// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { AddOffsetsToTxnRequest, AddOffsetsToTxnResponse } from "./types.gen.js";

/** A AddOffsetsToTxnRequest with every field at its schema default. */
export function defaultAddOffsetsToTxnRequest(): AddOffsetsToTxnRequest {
  return {
    transactionalId: "",
    producerId: 0n,
    producerEpoch: 0,
    groupId: "",
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isAddOffsetsToTxnRequestDefault(value: AddOffsetsToTxnRequest): boolean {
  return value.transactionalId === "" &&
    value.producerId === 0n &&
    value.producerEpoch === 0 &&
    value.groupId === "" &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A AddOffsetsToTxnResponse with every field at its schema default. */
export function defaultAddOffsetsToTxnResponse(): AddOffsetsToTxnResponse {
  return {
    throttleTimeMs: 0,
    errorCode: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isAddOffsetsToTxnResponseDefault(value: AddOffsetsToTxnResponse): boolean {
  return value.throttleTimeMs === 0 &&
    value.errorCode === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
