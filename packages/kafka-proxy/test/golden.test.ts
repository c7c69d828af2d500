/**
 * Golden bytes from real clients: every request frame captured from KafkaJS, from librdkafka (kcat) and
 * from @platformatic/kafka (flexible versions: Metadata v12, Produce v11, Fetch v17 with topic ids, ...)
 * (see scripts/capture-*.ts and the README) decodes with our codecs and re-encodes byte for byte.
 * A few fixtures also have their decoded contents spelled out, so a codec that is wrong in a
 * self-consistent way (reads and writes the same wrong layout) still fails.
 */
import { describe, expect, it } from "vitest";
import { findGeneratedApi } from "../src/framing/api-table.js";
import { requestHeaderVersion } from "../src/framing/headers.js";
import { decodeRequestFrame, encodeRequestFrame } from "../src/framing/messages.js";
import type { ApiVersionsRequest } from "../src/protocol/generated/api-versions/types.gen.js";
import type { DescribeProducersRequest } from "../src/protocol/generated/describe-producers/types.gen.js";
import type { FetchRequest } from "../src/protocol/generated/fetch/types.gen.js";
import type { OffsetForLeaderEpochRequest } from "../src/protocol/generated/offset-for-leader-epoch/types.gen.js";
import type { ProduceRequest } from "../src/protocol/generated/produce/types.gen.js";
import { loadFixtures } from "./support/fixtures.js";

const fixtures = loadFixtures();

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase();
}

function fixture(name: string): Uint8Array {
  const found = fixtures.find((candidate) => candidate.name === name);
  if (found === undefined) throw new Error(`missing fixture ${name}`);
  return found.frame;
}

describe("golden request frames", () => {
  it("has fixtures from every client", () => {
    expect(fixtures.filter((entry) => entry.client === "kafkajs").length).toBeGreaterThanOrEqual(20);
    expect(fixtures.filter((entry) => entry.client === "kcat").length).toBeGreaterThanOrEqual(10);
    expect(fixtures.filter((entry) => entry.client === "platformatic").length).toBeGreaterThanOrEqual(25);
  });

  it.each(fixtures.map((entry) => [entry.name, entry] as const))(
    "%s decodes and re-encodes byte for byte",
    (_, entry) => {
      const { header, body } = decodeRequestFrame(entry.frame);
      expect(kebab(findGeneratedApi(header.requestApiKey)!.name)).toBe(entry.apiName);
      expect(header.requestApiVersion).toBe(entry.version);
      expect(encodeRequestFrame(header, body)).toEqual(entry.frame);
    },
  );
});

describe("decoded contents", () => {
  it("KafkaJS ApiVersions v2 has header v1 and an empty body", () => {
    const { header, body } = decodeRequestFrame(fixture("kafkajs/api-versions-v2"));
    expect(header.clientId).toBe("helix-capture");
    expect(requestHeaderVersion(18, 2)).toBe(1);
    expect(body).toEqual({ clientSoftwareName: "", clientSoftwareVersion: "" });
  });

  it("librdkafka ApiVersions v3 is flexible: header v2, compact strings naming the client", () => {
    const { header, body } = decodeRequestFrame(fixture("kcat/api-versions-v3"));
    expect(requestHeaderVersion(18, 3)).toBe(2);
    expect(header.clientId).toBe("helix-capture-kcat");
    expect((body as ApiVersionsRequest).clientSoftwareName).toBe("librdkafka");
    expect((body as ApiVersionsRequest).clientSoftwareVersion).toMatch(/^\d+\.\d+\.\d+/);
  });

  it("KafkaJS Produce v7 carries one record batch v2 as raw bytes", () => {
    const { body } = decodeRequestFrame(fixture("kafkajs/produce-v7"));
    const produce = body as ProduceRequest;
    expect(produce.transactionalId).toBeNull();
    expect(produce.acks).toBe(-1);
    const partition = produce.topicData[0]!.partitionData[0]!;
    expect(produce.topicData[0]!.name).toBe("capture-topic");
    expect(partition.index).toBe(0);
    const records = partition.records!;
    // Batch header: magic at byte 16 is 2; the producer id at byte 43 is the one InitProducerId gave.
    const view = new DataView(records.buffer, records.byteOffset, records.byteLength);
    expect(view.getInt8(16)).toBe(2);
    expect(view.getBigInt64(43)).toBe(4242n);
    expect(view.getInt32(8)).toBe(records.length - 12);
  });

  it("platformatic Metadata v12 (flexible, header v2) asks for every topic with a null array", () => {
    const { header, body } = decodeRequestFrame(fixture("platformatic/metadata-v12"));
    expect(requestHeaderVersion(3, 12)).toBe(2);
    expect(header.clientId).toBe("helix-capture");
    expect(body).toEqual({
      topics: null,
      allowAutoTopicCreation: false,
      includeClusterAuthorizedOperations: false,
      includeTopicAuthorizedOperations: false,
    });
  });

  it("platformatic Fetch v17 names the topic by the UUID Metadata gave, not by name", () => {
    const { body } = decodeRequestFrame(fixture("platformatic/fetch-v17"));
    const topic = (body as FetchRequest).topics[0]!;
    expect(topic.topicId).toBe("6a1f0c2e-3b4d-4e5f-8a9b-0c1d2e3f4a5b");
    expect(topic.topic).toBe("");
    expect(topic.partitions[0]).toMatchObject({ partition: 0, fetchOffset: 0n });
  });

  it("platformatic DescribeProducers v0 and OffsetForLeaderEpoch v4 carry what was asked", () => {
    const producers = decodeRequestFrame(fixture("platformatic/describe-producers-v0"))
      .body as DescribeProducersRequest;
    expect(producers.topics).toEqual([{ name: "capture-topic", partitionIndexes: [0] }]);
    const epochs = decodeRequestFrame(fixture("platformatic/offset-for-leader-epoch-v4"))
      .body as OffsetForLeaderEpochRequest;
    expect(epochs.replicaId).toBe(-1);
    expect(epochs.topics[0]).toMatchObject({
      topic: "capture-topic",
      partitions: [{ partition: 0, currentLeaderEpoch: 0, leaderEpoch: 0 }],
    });
  });
});
