// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { SaslAuthenticateRequest, SaslAuthenticateResponse } from "./types.gen.js";

/** A SaslAuthenticateRequest with every field at its schema default. */
export function defaultSaslAuthenticateRequest(): SaslAuthenticateRequest {
  return {
    authBytes: emptyBytes,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isSaslAuthenticateRequestDefault(value: SaslAuthenticateRequest): boolean {
  return value.authBytes.length === 0 &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}

/** A SaslAuthenticateResponse with every field at its schema default. */
export function defaultSaslAuthenticateResponse(): SaslAuthenticateResponse {
  return {
    errorCode: 0,
    errorMessage: "",
    authBytes: emptyBytes,
    sessionLifetimeMs: 0n,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isSaslAuthenticateResponseDefault(value: SaslAuthenticateResponse): boolean {
  return value.errorCode === 0 &&
    value.errorMessage === "" &&
    value.authBytes.length === 0 &&
    value.sessionLifetimeMs === 0n &&
    (value.unknownTaggedFields === undefined || value.unknownTaggedFields.length === 0);
}
