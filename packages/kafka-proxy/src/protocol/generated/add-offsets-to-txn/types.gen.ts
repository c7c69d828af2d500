// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** AddOffsetsToTxnRequest, all versions. */
export interface AddOffsetsToTxnRequest {
  /** The transactional id corresponding to the transaction. Versions 0+. */
  readonly transactionalId: string;
  /** Current producer id in use by the transactional id. Versions 0+. */
  readonly producerId: bigint;
  /** Current epoch associated with the producer id. Versions 0+. */
  readonly producerEpoch: number;
  /** The unique group identifier. Versions 0+. */
  readonly groupId: string;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** AddOffsetsToTxnResponse, all versions. */
export interface AddOffsetsToTxnResponse {
  /** Duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0+. */
  readonly throttleTimeMs: number;
  /** The response error code, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
