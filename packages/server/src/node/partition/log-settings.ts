/**
 * What a topic's configuration asks of each replica's segment store (Kafka's log configs): roll at
 * segment.bytes or segment.ms, delete sealed segments past retention.bytes or retention.ms (-1: no
 * bound). Every replica applies the same settings from the controller's replicated topic record, so
 * their segment stores roll and expire alike; retention runs per replica, as in Kafka.
 */
import type { PartitionLogOptions } from "@helixlog/wal";
import { effectiveTopicConfig, type TopicConfig } from "../controller/topic-config.js";

export type PartitionLogSettings = Pick<
  PartitionLogOptions,
  "segmentSizeBytes" | "segmentAgeMs" | "retentionBytes" | "retentionMs"
>;

export function partitionLogSettings(config: TopicConfig): PartitionLogSettings {
  const effective = effectiveTopicConfig(config);
  const retentionBytes = Number(effective["retention.bytes"]);
  const retentionMs = Number(effective["retention.ms"]);
  return {
    segmentSizeBytes: Number(effective["segment.bytes"]),
    segmentAgeMs: Number(effective["segment.ms"]),
    ...(retentionBytes < 0 ? {} : { retentionBytes }),
    ...(retentionMs < 0 ? {} : { retentionMs }),
  };
}
