/**
 * Checks that our murmur2 and key partitioner are the Java client's, byte for byte: a keyed record must
 * land on the same partition whichever client produced it. Every expected value below is copied from a
 * published test of another implementation, cited next to it; none was computed by this code.
 */
import { createRequire } from "node:module";
import { HelixError } from "@helixlog/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { murmur2, partitionForKey, toPositive } from "./murmur2.js";

const ascii = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("murmur2", () => {
  // apache/kafka clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java, testMurmur2.
  it.each([
    ["21", -973932308],
    ["foobar", -790332482],
    ["a-little-bit-long-string", -985981536],
    ["a-little-bit-longer-string", -1486304829],
    ["lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8", -58897971],
    ["abc", 479470107],
  ])("matches Kafka's UtilsTest.testMurmur2 for %j", (key, expected) => {
    expect(murmur2(ascii(key))).toBe(expected);
  });

  // confluentinc/librdkafka src/rdmurmur2.c, unittest_murmur2 (`java_murmur2_results`, checked there
  // against the Java client). The keys exercise every tail length and the empty key.
  it.each([
    ["kafka", 0xd067cf64],
    ["giberish123456789", 0x8f552b0c],
    ["1234", 0x9fc97b14],
    ["234", 0xe7c009ca],
    ["34", 0x873930da],
    ["4", 0x5a4b5ca1],
    ["PreAmbleWillBeRemoved,ThePrePartThatIs", 0x78424f1c],
    ["reAmbleWillBeRemoved,ThePrePartThatIs", 0x4a62b377],
    ["eAmbleWillBeRemoved,ThePrePartThatIs", 0xe0e4e09e],
    ["AmbleWillBeRemoved,ThePrePartThatIs", 0x62b8b43f],
    ["", 0x106e08d9],
  ])("matches librdkafka's java_murmur2_results for %j", (key, expected) => {
    expect(murmur2(ascii(key))).toBe(expected | 0);
  });

  // Not used on purpose: the `testData` table in KafkaJS's murmur2.spec.js holds the values of its legacy
  // partitioner, whose hash is not the Java client's ("0" gives 272173970 there and 971027396
  // in its Java-compatible murmur2 and here).

  it("hashes a view into a larger buffer by its own bytes only", () => {
    const backing = ascii("xxfoobarxx");
    expect(murmur2(backing.subarray(2, 8))).toBe(-790332482);
  });
});

describe("toPositive", () => {
  it("clears the sign bit instead of taking an absolute value, as Kafka's Utils.toPositive does", () => {
    expect(toPositive(-1)).toBe(0x7fffffff);
    expect(toPositive(-(2 ** 31))).toBe(0);
    expect(toPositive(42)).toBe(42);
  });
});

describe("partitionForKey", () => {
  it("is toPositive(murmur2(key)) % partitions for Kafka's own vectors", () => {
    // murmur2("21") = -973932308 (UtilsTest); toPositive gives 1173551340.
    expect(partitionForKey("21", 1)).toBe(0);
    expect(partitionForKey("21", 3)).toBe(1173551340 % 3);
    expect(partitionForKey("21", 12)).toBe(1173551340 % 12);
    // murmur2("abc") = 479470107 is positive already.
    expect(partitionForKey(ascii("abc"), 7)).toBe(479470107 % 7);
  });

  it("hashes a string key as its UTF-8 bytes, as Java's StringSerializer encodes it", () => {
    expect(partitionForKey("clé-ünïcode", 100)).toBe(partitionForKey(ascii("clé-ünïcode"), 100));
  });

  it("rejects a partition count below one with INVALID_PARTITIONS", () => {
    expect(() => partitionForKey("key", 0)).toThrowError(
      expect.objectContaining({ code: "INVALID_PARTITIONS" }) as unknown as Error,
    );
    expect(() => partitionForKey("key", 1.5)).toThrow(HelixError);
  });

  it("agrees with KafkaJS's JavaCompatiblePartitioner for any key and partition count", () => {
    // Cross-check against an independent implementation (KafkaJS, a root devDependency).
    const kafkajs = createRequire(import.meta.url)("kafkajs") as {
      Partitioners: { JavaCompatiblePartitioner: () => (arguments_: unknown) => number };
    };
    const kafkajsPartition = kafkajs.Partitioners.JavaCompatiblePartitioner();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: 1, max: 1000 }), (key, count) => {
        const partitionMetadata = Array.from({ length: count }, (_, partition) => ({
          partitionId: partition,
          leader: 1,
        }));
        const expected = kafkajsPartition({
          topic: "t",
          partitionMetadata,
          message: { key: Buffer.from(key) },
        });
        expect(partitionForKey(key, count)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});
