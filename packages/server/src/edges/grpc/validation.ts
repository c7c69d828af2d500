/**
 * Client input is validated and answered, never asserted on (STYLE.md rule 8): every check here throws
 * a HelixError whose message names the field and the rule it broke.
 */
import { HelixError, limits } from "@helixlog/core";
import type { TopicRecord } from "../../node/controller/controller-state.js";
import type { HelixNode } from "../../node/helix-node.js";
import type { EnumValue } from "./messages.js";

export function invalid(reason: string): HelixError {
  return new HelixError("INVALID_ARGUMENT", reason);
}

export function requireTopicName(name: string, field = "topic"): string {
  if (name === "") throw invalid(`${field} is required`);
  if (name.length > limits.topicNameLengthMax) {
    throw invalid(`${field} is longer than ${limits.topicNameLengthMax} characters`);
  }
  return name;
}

/** The topic as the controller knows it; UNKNOWN_TOPIC (NOT_FOUND) when it does not exist. */
export function requireTopic(node: HelixNode, name: string): TopicRecord {
  const topic = node.topic(requireTopicName(name));
  if (topic === undefined) throw new HelixError("UNKNOWN_TOPIC", `topic "${name}" does not exist`);
  return topic;
}

/**
 * A partition of `topic`. A negative number is malformed (INVALID_ARGUMENT); a number past the topic's
 * partitions names a partition that does not exist (UNKNOWN_PARTITION, NOT_FOUND), as HelixNode and
 * Kafka's UNKNOWN_TOPIC_OR_PARTITION answer it.
 */
export function requirePartition(topic: TopicRecord, partition: number): number {
  if (!Number.isInteger(partition) || partition < 0) {
    throw invalid(`partition must be a non-negative integer, got ${partition}`);
  }
  if (partition >= topic.partitions.length) {
    throw new HelixError(
      "UNKNOWN_PARTITION",
      `topic "${topic.name}" has partitions 0..${topic.partitions.length - 1}, not ${partition}`,
    );
  }
  return partition;
}

export function requireOffset(offset: number, field = "offset"): number {
  if (!Number.isSafeInteger(offset) || offset < 0) {
    throw invalid(`${field} must be a non-negative integer, got ${offset}`);
  }
  return offset;
}

/** An enum value this server knows; a number is a value from a newer proto it does not. */
export function requireKnown<Name extends string>(
  value: EnumValue<Name>,
  known: readonly Name[],
  field: string,
): Name {
  if (typeof value === "number" || !known.includes(value)) {
    throw invalid(`${field} has unknown value ${String(value)}; known: ${known.join(", ")}`);
  }
  return value;
}

/** `requested` bytes, 0 meaning the default, capped at the named maximum. */
export function fetchBytesOf(requested: number): number {
  if (requested === 0) return limits.grpcFetchBytesDefault;
  return Math.min(requested, limits.grpcFetchBytesMax);
}
