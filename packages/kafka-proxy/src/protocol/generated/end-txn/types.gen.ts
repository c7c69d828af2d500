// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** EndTxnRequest, all versions. */
export interface EndTxnRequest {
  /** The ID of the transaction to end. Versions 0+. */
  readonly transactionalId: string;
  /** The producer ID. Versions 0+. */
  readonly producerId: bigint;
  /** The current epoch associated with the producer. Versions 0+. */
  readonly producerEpoch: number;
  /** True if the transaction was committed, false if it was aborted. Versions 0+. */
  readonly committed: boolean;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** EndTxnResponse, all versions. */
export interface EndTxnResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0+. */
  readonly throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** The producer ID. Versions 5+. */
  readonly producerId: bigint;
  /** The current epoch associated with the producer. Versions 5+. */
  readonly producerEpoch: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
