// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** SaslHandshakeRequest, all versions. */
export interface SaslHandshakeRequest {
  /** The SASL mechanism chosen by the client. Versions 0+. */
  readonly mechanism: string;
}

/** SaslHandshakeResponse, all versions. */
export interface SaslHandshakeResponse {
  /** The error code, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** The mechanisms enabled in the server. Versions 0+. */
  readonly mechanisms: readonly string[];
}
