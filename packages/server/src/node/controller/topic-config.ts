import { HelixError, limits } from "@helixlog/core";

/**
 * Topic configuration keys Helix understands, with Kafka's names and semantics where Kafka has the key
 * (so DescribeConfigs/AlterConfigs from any Kafka tool work), their defaults and their valid ranges.
 * Values are kept as strings, as on Kafka's wire; `readTopicConfig` gives typed values.
 */

interface NumberKey {
  readonly kind: "number";
  readonly defaultValue: number;
  readonly minimum: number;
  readonly maximum: number;
  readonly doc: string;
}

interface EnumKey {
  readonly kind: "enum";
  readonly defaultValue: string;
  readonly values: readonly string[];
  readonly doc: string;
}

interface BooleanKey {
  readonly kind: "boolean";
  readonly defaultValue: boolean;
  readonly doc: string;
}

type ConfigKey = NumberKey | EnumKey | BooleanKey;

const day = 24 * 60 * 60 * 1000;

export const topicConfigKeys = {
  "retention.ms": {
    kind: "number",
    defaultValue: 7 * day,
    minimum: -1,
    maximum: Number.MAX_SAFE_INTEGER,
    doc: "Total retention by age in ms (-1: unlimited), local and tiered together.",
  },
  "retention.bytes": {
    kind: "number",
    defaultValue: -1,
    minimum: -1,
    maximum: Number.MAX_SAFE_INTEGER,
    doc: "Total retention by size in bytes per partition (-1: unlimited).",
  },
  "local.retention.ms": {
    kind: "number",
    defaultValue: -2,
    minimum: -2,
    maximum: Number.MAX_SAFE_INTEGER,
    doc: "Local retention by age when tiering is on (-2: same as retention.ms), KIP-405.",
  },
  "local.retention.bytes": {
    kind: "number",
    defaultValue: -2,
    minimum: -2,
    maximum: Number.MAX_SAFE_INTEGER,
    doc: "Local retention by size when tiering is on (-2: same as retention.bytes), KIP-405.",
  },
  "segment.bytes": {
    kind: "number",
    defaultValue: 128 * 1024 * 1024,
    // As small as the segment store allows (Kafka's own minimum is a few bytes): tests tier many segments.
    minimum: limits.partitionSegmentSizeBytesMin,
    maximum: 1024 * 1024 * 1024,
    doc: "Roll a partition segment at this size.",
  },
  "segment.ms": {
    kind: "number",
    defaultValue: 7 * day,
    minimum: 60_000,
    maximum: Number.MAX_SAFE_INTEGER,
    doc: "Roll a partition segment at this age.",
  },
  "max.message.bytes": {
    kind: "number",
    defaultValue: 1024 * 1024 + 12,
    minimum: 1,
    maximum: limits.recordBatchSizeBytesMax,
    doc: "Largest record batch accepted.",
  },
  "min.insync.replicas": {
    kind: "number",
    defaultValue: 1,
    minimum: 1,
    maximum: limits.replicationFactorMax,
    doc: "Replicas that must be in sync for acks=all.",
  },
  "cleanup.policy": {
    kind: "enum",
    defaultValue: "delete",
    values: ["delete"],
    doc: "Only deletion by retention is supported; compaction is not.",
  },
  "message.timestamp.type": {
    kind: "enum",
    defaultValue: "CreateTime",
    values: ["CreateTime", "LogAppendTime"],
    doc: "Whose timestamp records carry.",
  },
  "remote.storage.enable": {
    kind: "boolean",
    defaultValue: false,
    doc: "Tier sealed segments to the object store (KIP-405); the same as tiering.enabled.",
  },
  "tiering.enabled": {
    kind: "boolean",
    defaultValue: false,
    doc: "Tier sealed segments to the object store (Helix's name for remote.storage.enable).",
  },
  "tiering.keep.unconsumed": {
    kind: "boolean",
    defaultValue: false,
    doc: "Keep tiered segments locally until every consumer group with a commit has read past them.",
  },
} as const satisfies Record<string, ConfigKey>;

export type TopicConfigKey = keyof typeof topicConfigKeys;
export type TopicConfig = Readonly<Partial<Record<TopicConfigKey, string>>>;

export function isTopicConfigKey(key: string): key is TopicConfigKey {
  return Object.hasOwn(topicConfigKeys, key);
}

/** Validates every key and value of a topic's configuration overrides; throws INVALID_CONFIG. */
export function validateTopicConfig(config: Readonly<Record<string, string>>): TopicConfig {
  const keys = Object.keys(config);
  if (keys.length > limits.topicConfigEntriesMax) {
    throw new HelixError("INVALID_CONFIG", `at most ${limits.topicConfigEntriesMax} config entries`);
  }
  for (const key of keys) {
    if (!isTopicConfigKey(key)) {
      throw new HelixError(
        "INVALID_CONFIG",
        `unknown topic config "${key}"; known: ${Object.keys(topicConfigKeys).join(", ")}`,
      );
    }
    validateValue(key, config[key] as string);
  }
  return config as TopicConfig;
}

/** Whether a topic's configuration turns tiering on (either name, KIP-405's or Helix's). */
export function isTieringOn(config: Readonly<Record<string, string>>): boolean {
  return config["tiering.enabled"] === "true" || config["remote.storage.enable"] === "true";
}

/**
 * Tiering cannot be turned off once on, as in Kafka before KIP-950: segments that exist only in the object
 * store would drop out of the readable log while local retention resumed below them, leaving offsets that
 * were committed but can no longer be read. Throws INVALID_CONFIG naming the topic.
 */
export function checkTieringChange(
  topic: string,
  before: Readonly<Record<string, string>>,
  after: Readonly<Record<string, string>>,
): void {
  if (isTieringOn(before) && !isTieringOn(after)) {
    throw new HelixError(
      "INVALID_CONFIG",
      `tiering cannot be turned off on topic "${topic}" once it is on: its tiered segments would no ` +
        "longer be readable; keep tiering.enabled (or remote.storage.enable) true, or delete the topic",
    );
  }
}

function validateValue(key: TopicConfigKey, value: string): void {
  const spec: ConfigKey = topicConfigKeys[key];
  switch (spec.kind) {
    case "number": {
      const parsed = Number(value);
      if (
        value.trim() === "" ||
        !Number.isSafeInteger(parsed) ||
        parsed < spec.minimum ||
        parsed > spec.maximum
      ) {
        throw new HelixError(
          "INVALID_CONFIG",
          `${key} must be an integer from ${spec.minimum} to ${spec.maximum}, got "${value}"`,
        );
      }
      return;
    }
    case "enum":
      if (!spec.values.includes(value)) {
        throw new HelixError(
          "INVALID_CONFIG",
          `${key} must be one of ${spec.values.join(", ")}, got "${value}"`,
        );
      }
      return;
    case "boolean":
      if (value !== "true" && value !== "false") {
        throw new HelixError("INVALID_CONFIG", `${key} must be true or false, got "${value}"`);
      }
      return;
  }
}

/** The effective value of every key: the override where set, else the default (as strings). */
export function effectiveTopicConfig(config: TopicConfig): Record<TopicConfigKey, string> {
  const result = {} as Record<TopicConfigKey, string>;
  for (const key of Object.keys(topicConfigKeys) as TopicConfigKey[]) {
    result[key] = config[key] ?? String(topicConfigKeys[key].defaultValue);
  }
  return result;
}
