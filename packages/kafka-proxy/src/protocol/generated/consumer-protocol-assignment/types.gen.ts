// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** ConsumerProtocolAssignment, all versions. */
export interface ConsumerProtocolAssignment {
  /**  Versions 0+. */
  readonly assignedPartitions: readonly TopicPartition[];
  /**  Versions 0+. */
  readonly userData: Uint8Array | null;
}

/** TopicPartition in ConsumerProtocolAssignment. */
export interface TopicPartition {
  /**  Versions 0+. */
  readonly topic: string;
  /**  Versions 0+. */
  readonly partitions: readonly number[];
}
