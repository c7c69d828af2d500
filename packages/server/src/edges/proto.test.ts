/**
 * The gRPC API contract (packages/server/proto/helix/v1): every proto file parses, and the services
 * offer the methods issues 7 and 12 and DESIGN.md §6 promise, with streaming where promised.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadSync } from "@grpc/proto-loader";
import { describe, expect, it } from "vitest";

const protoRoot = join(dirname(fileURLToPath(import.meta.url)), "../../proto");
const files = ["helix/v1/log.proto", "helix/v1/admin.proto", "helix/v1/kv.proto", "helix/v1/errors.proto"];

describe("helix.v1 protos", () => {
  const definition = loadSync(files, { includeDirs: [protoRoot] });

  it("define the promised services and methods", () => {
    const methods = (service: string) => Object.keys(definition[`helix.v1.${service}`] as object).sort();
    expect(methods("Log")).toEqual(["DeleteRecords", "Fetch", "ListOffsets", "Produce", "Subscribe"]);
    expect(methods("Admin")).toEqual([
      "AlterTopic",
      "ClusterStatus",
      "CreateTopic",
      "DeleteQuota",
      "DeleteTopic",
      "DescribeTopic",
      "ListQuotas",
      "ListTopics",
      "Metadata",
      "SetQuota",
    ]);
    expect(methods("Kv")).toEqual(["CompareAndSet", "Delete", "Get", "Put"]);
    expect(definition["helix.v1.ErrorDetail"]).toBeDefined();
  });

  it("stream Subscribe from the server", () => {
    const subscribe = (
      definition["helix.v1.Log"] as Record<string, { responseStream: boolean; requestStream: boolean }>
    ).Subscribe;
    expect(subscribe).toMatchObject({ responseStream: true, requestStream: false });
  });
});
