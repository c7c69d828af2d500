/**
 * The advertised version table agrees with the generated codecs: every advertised version of every API
 * has request and response encoders and decoders, ranges sit inside the schema's valid range, the
 * flexible thresholds match the schemas, and the APIs Helix must serve are all advertised.
 */
import { describe, expect, it } from "vitest";
import {
  advertisedApis,
  findGeneratedApi,
  isFlexibleVersion,
  isVersionAdvertised,
} from "../src/framing/api-table.js";
import { messageSchemas } from "./support/schema-arbitrary.js";

const requiredApis = [
  "ApiVersions",
  "Metadata",
  "Produce",
  "Fetch",
  "ListOffsets",
  "FindCoordinator",
  "JoinGroup",
  "SyncGroup",
  "Heartbeat",
  "LeaveGroup",
  "OffsetCommit",
  "OffsetFetch",
  "DescribeGroups",
  "ListGroups",
  "DeleteGroups",
  "CreateTopics",
  "DeleteTopics",
  "CreatePartitions",
  "InitProducerId",
  "DescribeConfigs",
  "AlterConfigs",
  "IncrementalAlterConfigs",
  "DescribeCluster",
  "DeleteRecords",
  "OffsetForLeaderEpoch",
  "DescribeProducers",
  "SaslHandshake",
  "SaslAuthenticate",
];

describe("advertised API table", () => {
  it("advertises every API Helix serves, once, in api-key order", () => {
    expect(advertisedApis.map((api) => api.name).sort()).toEqual([...requiredApis].sort());
    const keys = advertisedApis.map((api) => api.apiKey);
    expect(keys).toEqual([...keys].sort((left, right) => left - right));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it.each(advertisedApis.map((api) => [api.name, api] as const))(
    "%s: every advertised version has codecs",
    (_, api) => {
      const generated = findGeneratedApi(api.apiKey)!;
      expect(api.minVersion).toBeLessThanOrEqual(api.maxVersion);
      expect(api.minVersion).toBeGreaterThanOrEqual(generated.minVersion);
      expect(api.maxVersion).toBeLessThanOrEqual(generated.maxVersion);
      for (let version = api.minVersion; version <= api.maxVersion; version++) {
        expect(generated.request.decode[version], `request decode v${version}`).toBeTypeOf("function");
        expect(generated.request.encode[version], `request encode v${version}`).toBeTypeOf("function");
        expect(generated.response.decode[version], `response decode v${version}`).toBeTypeOf("function");
        expect(generated.response.encode[version], `response encode v${version}`).toBeTypeOf("function");
        expect(isVersionAdvertised(api.apiKey, version)).toBe(true);
      }
      expect(isVersionAdvertised(api.apiKey, api.maxVersion + 1)).toBe(false);
    },
  );

  it("flexible thresholds and version ranges match the schemas", () => {
    for (const api of advertisedApis) {
      const schema = messageSchemas.find(
        (message) => message.type === "request" && message.apiKey === api.apiKey,
      )!;
      const expectedFlexible =
        schema.flexibleVersions === "none" ? null : Number(schema.flexibleVersions.slice(0, -1));
      expect(api.firstFlexibleVersion, api.name).toBe(expectedFlexible);
      if (expectedFlexible !== null) {
        expect(isFlexibleVersion(api.apiKey, expectedFlexible)).toBe(true);
        expect(isFlexibleVersion(api.apiKey, expectedFlexible - 1)).toBe(false);
      }
    }
  });

  it("does not advertise message-format v0/v1 versions of Produce and Fetch", () => {
    expect(isVersionAdvertised(0, 2)).toBe(false);
    expect(isVersionAdvertised(0, 3)).toBe(true);
    expect(isVersionAdvertised(1, 3)).toBe(false);
    expect(isVersionAdvertised(1, 4)).toBe(true);
  });

  it("answers flexibility for versions newer than the schema (ApiVersions from a future client)", () => {
    expect(isFlexibleVersion(18, 99)).toBe(true);
    expect(isFlexibleVersion(17, 5)).toBe(false);
  });
});
