// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** ConsumerProtocolSubscription, all versions. */
export interface ConsumerProtocolSubscription {
  /**  Versions 0+. */
  readonly topics: readonly string[];
  /**  Versions 0+. */
  readonly userData: Uint8Array | null;
  /**  Versions 1+. */
  readonly ownedPartitions: readonly TopicPartition[];
  /**  Versions 2+. */
  readonly generationId: number;
  /**  Versions 3+. */
  readonly rackId: string | null;
}

/** TopicPartition in ConsumerProtocolSubscription. */
export interface TopicPartition {
  /**  Versions 1+. */
  readonly topic: string;
  /**  Versions 1+. */
  readonly partitions: readonly number[];
}
