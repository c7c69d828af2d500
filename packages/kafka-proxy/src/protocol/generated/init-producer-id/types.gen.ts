// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** InitProducerIdRequest, all versions. */
export interface InitProducerIdRequest {
  /** The transactional id, or null if the producer is not transactional. Versions 0+. */
  readonly transactionalId: string | null;
  /** The time in ms to wait before aborting idle transactions sent by this producer. This is only relevant if a TransactionalId has been defined. Versions 0+. */
  readonly transactionTimeoutMs: number;
  /** The producer id. This is used to disambiguate requests if a transactional id is reused following its expiration. Versions 3+. */
  readonly producerId: bigint;
  /** The producer's current epoch. This will be checked against the producer epoch on the broker, and the request will return an error if they do not match. Versions 3+. */
  readonly producerEpoch: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** InitProducerIdResponse, all versions. */
export interface InitProducerIdResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0+. */
  readonly throttleTimeMs: number;
  /** The error code, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** The current producer id. Versions 0+. */
  readonly producerId: bigint;
  /** The current epoch associated with the producer id. Versions 0+. */
  readonly producerEpoch: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
