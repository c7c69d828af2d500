// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { ResponseHeader } from "./types.gen.js";

/** A ResponseHeader with every field at its schema default. */
export function defaultResponseHeader(): ResponseHeader {
  return {
    correlationId: 0,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isResponseHeaderDefault(value: ResponseHeader): boolean {
  return value.correlationId === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
