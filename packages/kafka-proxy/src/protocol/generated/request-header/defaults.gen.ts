// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { RequestHeader } from "./types.gen.js";

/** A RequestHeader with every field at its schema default. */
export function defaultRequestHeader(): RequestHeader {
  return {
    requestApiKey: 0,
    requestApiVersion: 0,
    correlationId: 0,
    clientId: "",
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isRequestHeaderDefault(value: RequestHeader): boolean {
  return value.requestApiKey === 0 &&
    value.requestApiVersion === 0 &&
    value.correlationId === 0 &&
    value.clientId === "" &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
