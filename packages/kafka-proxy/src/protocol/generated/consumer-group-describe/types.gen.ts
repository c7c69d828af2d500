// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** ConsumerGroupDescribeRequest, all versions. */
export interface ConsumerGroupDescribeRequest {
  /** The ids of the groups to describe Versions 0+. */
  readonly groupIds: readonly string[];
  /** Whether to include authorized operations. Versions 0+. */
  readonly includeAuthorizedOperations: boolean;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** ConsumerGroupDescribeResponse, all versions. */
export interface ConsumerGroupDescribeResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 0+. */
  readonly throttleTimeMs: number;
  /** Each described group. Versions 0+. */
  readonly groups: readonly DescribedGroup[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** TopicPartitions in ConsumerGroupDescribeResponse. */
export interface TopicPartitions {
  /** The topic ID. Versions 0+. */
  readonly topicId: string;
  /** The topic name. Versions 0+. */
  readonly topicName: string;
  /** The partitions. Versions 0+. */
  readonly partitions: readonly number[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** Assignment in ConsumerGroupDescribeResponse. */
export interface Assignment {
  /** The assigned topic-partitions to the member. Versions 0+. */
  readonly topicPartitions: readonly TopicPartitions[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DescribedGroup in ConsumerGroupDescribeResponse. */
export interface DescribedGroup {
  /** The describe error, or 0 if there was no error. Versions 0+. */
  readonly errorCode: number;
  /** The top-level error message, or null if there was no error. Versions 0+. */
  readonly errorMessage: string | null;
  /** The group ID string. Versions 0+. */
  readonly groupId: string;
  /** The group state string, or the empty string. Versions 0+. */
  readonly groupState: string;
  /** The group epoch. Versions 0+. */
  readonly groupEpoch: number;
  /** The assignment epoch. Versions 0+. */
  readonly assignmentEpoch: number;
  /** The selected assignor. Versions 0+. */
  readonly assignorName: string;
  /** The members. Versions 0+. */
  readonly members: readonly Member[];
  /** 32-bit bitfield to represent authorized operations for this group. Versions 0+. */
  readonly authorizedOperations: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** Member in ConsumerGroupDescribeResponse. */
export interface Member {
  /** The member ID. Versions 0+. */
  readonly memberId: string;
  /** The member instance ID. Versions 0+. */
  readonly instanceId: string | null;
  /** The member rack ID. Versions 0+. */
  readonly rackId: string | null;
  /** The current member epoch. Versions 0+. */
  readonly memberEpoch: number;
  /** The client ID. Versions 0+. */
  readonly clientId: string;
  /** The client host. Versions 0+. */
  readonly clientHost: string;
  /** The subscribed topic names. Versions 0+. */
  readonly subscribedTopicNames: readonly string[];
  /** the subscribed topic regex otherwise or null of not provided. Versions 0+. */
  readonly subscribedTopicRegex: string | null;
  /** The current assignment. Versions 0+. */
  readonly assignment: Assignment;
  /** The target assignment. Versions 0+. */
  readonly targetAssignment: Assignment;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
