/**
 * What a topic's configuration asks of each replica's segment store (Kafka's log configs): roll at
 * segment.bytes or segment.ms, delete sealed segments past retention.bytes or retention.ms (-1: no
 * bound). Every replica applies the same settings from the controller's replicated topic record, so
 * their segment stores roll and expire alike; retention runs per replica, as in Kafka.
 */
import type { PartitionLogOptions } from "@helixlog/wal";
import { effectiveTopicConfig, type TopicConfig } from "../controller/topic-config.js";
import { tieringConfigOf } from "../tier/tiering-config.js";

export type PartitionLogSettings = Pick<
  PartitionLogOptions,
  "segmentSizeBytes" | "segmentAgeMs" | "retentionBytes" | "retentionMs"
>;

export function partitionLogSettings(config: TopicConfig): PartitionLogSettings {
  const effective = effectiveTopicConfig(config);
  // With tiering on, local deletion belongs to the tiering policy (node/tier/): a segment goes only
  // once it is tiered and local retention allows, or total retention removed it everywhere.
  if (tieringConfigOf(config).enabled) {
    return {
      segmentSizeBytes: Number(effective["segment.bytes"]),
      segmentAgeMs: Number(effective["segment.ms"]),
    };
  }
  const retentionBytes = Number(effective["retention.bytes"]);
  const retentionMs = Number(effective["retention.ms"]);
  return {
    segmentSizeBytes: Number(effective["segment.bytes"]),
    segmentAgeMs: Number(effective["segment.ms"]),
    ...(retentionBytes < 0 ? {} : { retentionBytes }),
    ...(retentionMs < 0 ? {} : { retentionMs }),
  };
}
