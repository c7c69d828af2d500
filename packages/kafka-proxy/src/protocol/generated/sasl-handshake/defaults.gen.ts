// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { SaslHandshakeRequest, SaslHandshakeResponse } from "./types.gen.js";

/** A SaslHandshakeRequest with every field at its schema default. */
export function defaultSaslHandshakeRequest(): SaslHandshakeRequest {
  return {
    mechanism: "",
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isSaslHandshakeRequestDefault(value: SaslHandshakeRequest): boolean {
  return value.mechanism === "";
}

/** A SaslHandshakeResponse with every field at its schema default. */
export function defaultSaslHandshakeResponse(): SaslHandshakeResponse {
  return {
    errorCode: 0,
    mechanisms: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isSaslHandshakeResponseDefault(value: SaslHandshakeResponse): boolean {
  return value.errorCode === 0 &&
    value.mechanisms.length === 0;
}
