// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import { emptyBytes } from "../../generated-support.js";
import { zeroUuid } from "../../uuid.js";
import type { ConsumerProtocolSubscription, TopicPartition } from "./types.gen.js";

/** A ConsumerProtocolSubscription with every field at its schema default. */
export function defaultConsumerProtocolSubscription(): ConsumerProtocolSubscription {
  return {
    topics: [],
    userData: null,
    ownedPartitions: [],
    generationId: -1,
    rackId: null,
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isConsumerProtocolSubscriptionDefault(value: ConsumerProtocolSubscription): boolean {
  return value.topics.length === 0 &&
    value.userData === null &&
    value.ownedPartitions.length === 0 &&
    value.generationId === -1 &&
    value.rackId === null;
}

/** A TopicPartition with every field at its schema default. */
export function defaultTopicPartition(): TopicPartition {
  return {
    topic: "",
    partitions: [],
  };
}

/** Whether every field equals its default (a tagged struct is sent only when it does not). */
export function isTopicPartitionDefault(value: TopicPartition): boolean {
  return value.topic === "" &&
    value.partitions.length === 0;
}
