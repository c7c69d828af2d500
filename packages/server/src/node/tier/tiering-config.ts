/**
 * A topic's tiering settings from its configs (KIP-405 names, plus Helix's `tiering.enabled`):
 *   - `tiering.enabled` or Kafka's `remote.storage.enable` ("true" in either turns tiering on; both are
 *     off by default);
 *   - `retention.bytes` / `retention.ms`: total retention, local and remote together;
 *   - `local.retention.bytes` / `local.retention.ms`: how much stays on local disk once tiered (-2: as
 *     the total retention, Kafka's default). A local bound looser than the total one is clamped to it;
 *   - `tiering.keep.unconsumed` (consumer-aware eviction, off by default): a tiered segment also stays
 *     local until every consumer group that committed an offset on the partition has committed past it.
 */
import { type TieringConfig, unlimited } from "@helixlog/tier";
import { effectiveTopicConfig, isTieringOn, type TopicConfig } from "../controller/topic-config.js";

export function tieringConfigOf(config: TopicConfig): TieringConfig {
  const effective = effectiveTopicConfig(config);
  const retentionBytes = Number(effective["retention.bytes"]);
  const retentionMs = Number(effective["retention.ms"]);
  return {
    enabled: isTieringOn(effective),
    retentionBytes,
    retentionMs,
    localRetentionBytes: localBound(Number(effective["local.retention.bytes"]), retentionBytes),
    localRetentionMs: localBound(Number(effective["local.retention.ms"]), retentionMs),
  };
}

function localBound(local: number, total: number): number {
  if (local === -2) return total;
  if (local === unlimited || total === unlimited) return local;
  return Math.min(local, total);
}

/** Whether local deletion waits for the partition's consumer groups (`tiering.keep.unconsumed`). */
export function keepsUnconsumed(config: TopicConfig): boolean {
  return effectiveTopicConfig(config)["tiering.keep.unconsumed"] === "true";
}
