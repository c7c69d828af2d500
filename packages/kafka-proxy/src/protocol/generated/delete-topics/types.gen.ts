// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { TaggedField } from "../../tagged-field.js";

/** DeleteTopicsRequest, all versions. */
export interface DeleteTopicsRequest {
  /** The name or topic ID of the topic Versions 6+. */
  readonly topics: readonly DeleteTopicState[];
  /** The names of the topics to delete Versions 0-5. */
  readonly topicNames: readonly string[];
  /** The length of time in milliseconds to wait for the deletions to complete. Versions 0+. */
  readonly timeoutMs: number;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DeleteTopicState in DeleteTopicsRequest. */
export interface DeleteTopicState {
  /** The topic name Versions 6+. */
  readonly name: string | null;
  /** The unique topic ID Versions 6+. */
  readonly topicId: string;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DeleteTopicsResponse, all versions. */
export interface DeleteTopicsResponse {
  /** The duration in milliseconds for which the request was throttled due to a quota violation, or zero if the request did not violate any quota. Versions 1+. */
  readonly throttleTimeMs: number;
  /** The results for each topic we tried to delete. Versions 0+. */
  readonly responses: readonly DeletableTopicResult[];
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}

/** DeletableTopicResult in DeleteTopicsResponse. */
export interface DeletableTopicResult {
  /** The topic name Versions 0+. */
  readonly name: string | null;
  /** the unique topic ID Versions 6+. */
  readonly topicId: string;
  /** The deletion error, or 0 if the deletion succeeded. Versions 0+. */
  readonly errorCode: number;
  /** The error message, or null if there was no error. Versions 5+. */
  readonly errorMessage: string | null;
  /** Tagged fields this code does not know, kept so re-encoding is byte-identical. */
  readonly unknownTaggedFields?: readonly TaggedField[] | undefined;
}
