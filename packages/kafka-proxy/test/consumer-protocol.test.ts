/**
 * The embedded "consumer" protocol inside JoinGroup and SyncGroup bytes, checked on what real clients
 * sent: KafkaJS's and librdkafka's subscriptions and assignments decode to the expected topics and
 * re-encode byte for byte; a version newer than ours is read with our newest one.
 */
import { describe, expect, it } from "vitest";
import {
  decodeConsumerAssignment,
  decodeConsumerSubscription,
  encodeConsumerAssignment,
  encodeConsumerSubscription,
} from "../src/framing/consumer-protocol.js";
import { decodeRequestFrame } from "../src/framing/messages.js";
import type { JoinGroupRequest } from "../src/protocol/generated/join-group/types.gen.js";
import type { SyncGroupRequest } from "../src/protocol/generated/sync-group/types.gen.js";
import { loadFixtures } from "./support/fixtures.js";

const fixtures = loadFixtures();

function body<Body>(name: string): Body {
  const fixture = fixtures.find((candidate) => candidate.name === name);
  if (fixture === undefined) throw new Error(`missing fixture ${name}`);
  return decodeRequestFrame(fixture.frame).body as Body;
}

describe.each(["kafkajs", "kcat"])("%s", (client) => {
  it("JoinGroup protocol metadata is a consumer subscription to capture-topic", () => {
    const join = body<JoinGroupRequest>(`${client}/join-group-v5`);
    expect(join.protocolType).toBe("consumer");
    for (const protocol of join.protocols) {
      const { version, value } = decodeConsumerSubscription(protocol.metadata);
      expect(value.topics).toEqual(["capture-topic"]);
      expect(encodeConsumerSubscription(version, value)).toEqual(protocol.metadata);
    }
  });

  it("SyncGroup assignment assigns capture-topic partition 0", () => {
    const sync = body<SyncGroupRequest>(`${client}/sync-group-v3`);
    const assignment = sync.assignments[0]!.assignment;
    const { version, value } = decodeConsumerAssignment(assignment);
    expect(value.assignedPartitions).toEqual([{ topic: "capture-topic", partitions: [0] }]);
    expect(encodeConsumerAssignment(version, value)).toEqual(assignment);
  });
});

it("reads a newer version with our newest one, ignoring appended fields", () => {
  const current = encodeConsumerAssignment(3, { assignedPartitions: [], userData: null });
  const future = new Uint8Array(current.length + 3);
  future.set(current);
  future[1] = 9; // version 9, then three bytes of fields we do not know
  expect(decodeConsumerAssignment(future)).toEqual({
    version: 9,
    value: { assignedPartitions: [], userData: null },
  });
});
