// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** ResponseHeader, all versions. */
export interface ResponseHeader {
  /** The correlation ID of this response. Versions 0+. */
  readonly correlationId: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
