// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** SaslAuthenticateRequest, all versions. */
export interface SaslAuthenticateRequest {
  /** The SASL authentication bytes from the client, as defined by the SASL mechanism. Versions 0+. */
  readonly authBytes: Uint8Array;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** SaslAuthenticateResponse, all versions. */
export interface SaslAuthenticateResponse {
  /** The error code, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** The error message, or null if there was no error. Versions 0+. */
  readonly errorMessage: string | null;
  /** The SASL authentication bytes from the server, as defined by the SASL mechanism. Versions 0+. */
  readonly authBytes: Uint8Array;
  /** Number of milliseconds after which only re-authentication over the existing connection to create a new session can occur. Versions 1+. */
  readonly sessionLifetimeMs: bigint;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
