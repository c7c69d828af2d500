// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** RequestHeader, all versions. */
export interface RequestHeader {
  /** The API key of this request. Versions 0+. */
  readonly requestApiKey: number;
  /** The API version of this request. Versions 0+. */
  readonly requestApiVersion: number;
  /** The correlation ID of this request. Versions 0+. */
  readonly correlationId: number;
  /** The client ID string. Versions 1+. */
  readonly clientId: string | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
