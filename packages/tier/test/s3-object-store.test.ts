/**
 * The S3 object store against a real S3-compatible server (s3rver on 127.0.0.1, port chosen by the OS,
 * data in a temporary directory): the shared conformance suite, multipart upload of an object above
 * the threshold, retries of transient failures (injected as SDK middleware, and a refused connection),
 * checksum verification on get, error mapping and configuration validation.
 */

import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PutObjectCommand } from "@aws-sdk/client-s3";
import { crc32c, HelixError, limits } from "@helixlog/core";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  mapS3Error,
  S3ObjectStore,
  type S3ObjectStoreConfig,
  validateS3ObjectStoreConfig,
} from "../src/stores/s3-object-store.js";
import { describeObjectStoreConformance } from "./object-store-conformance.js";

const bucket = "helix-tier-test";
let server: S3rver;
let serverDirectory: string;
let endpoint: string;
const stores: S3ObjectStore[] = [];

beforeAll(async () => {
  serverDirectory = await mkdtemp(join(tmpdir(), "helix-s3rver-"));
  server = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: serverDirectory,
    configureBuckets: [{ name: bucket }],
  });
  const address = await server.run();
  endpoint = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  for (const store of stores) store.close();
  await server.close();
  await rm(serverDirectory, { recursive: true, force: true });
});

/** A store on the test server; s3rver accepts its fixed S3RVER/S3RVER credentials. */
function openStore(overrides: Partial<S3ObjectStoreConfig> = {}, sleeps: number[] = []): S3ObjectStore {
  const store = new S3ObjectStore(
    {
      bucket,
      region: "us-east-1",
      endpoint,
      forcePathStyle: true,
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      ...overrides,
    },
    {
      sleep: async (durationMs) => {
        sleeps.push(durationMs);
      },
    },
  );
  stores.push(store);
  return store;
}

/** Counts the SDK commands a store sends, and fails the first `failures` sends of `failing` with `error`. */
function instrument(
  store: S3ObjectStore,
  failing?: { command: string; failures: number; error: () => Error },
): Map<string, number> {
  const counts = new Map<string, number>();
  store.client.middlewareStack.add(
    (next, context) => async (args) => {
      const command = context.commandName ?? "unknown";
      const count = (counts.get(command) ?? 0) + 1;
      counts.set(command, count);
      if (failing !== undefined && command === failing.command && count <= failing.failures) {
        throw failing.error();
      }
      return next(args);
    },
    { step: "initialize", name: "helixTestFaults" },
  );
  return counts;
}

function slowDown(): Error {
  return Object.assign(new Error("Please reduce your request rate."), {
    name: "SlowDown",
    $metadata: { httpStatusCode: 503 },
  });
}

describeObjectStoreConformance("S3ObjectStore on s3rver", async () => ({
  store: openStore({ keyPrefix: "conformance/" }),
  close: async () => undefined,
}));

describe("S3ObjectStore multipart upload", () => {
  it("uploads an object above the threshold in parts and reads it back whole and by range", async () => {
    const store = openStore({
      keyPrefix: "multipart/",
      multipartThresholdBytes: limits.s3PartSizeBytesMin,
      partSizeBytes: limits.s3PartSizeBytesMin,
    });
    const counts = instrument(store);
    const size = 2 * limits.s3PartSizeBytesMin + 123_457;
    const body = new Uint8Array(size);
    for (let index = 0; index < size; index++) body[index] = (index * 7919) & 0xff;
    await store.put("big/object", body, { crc32c: crc32c(body) });

    expect(counts.get("CreateMultipartUploadCommand")).toBe(1);
    expect(counts.get("UploadPartCommand")).toBe(3);
    expect(counts.get("CompleteMultipartUploadCommand")).toBe(1);
    expect(counts.get("PutObjectCommand")).toBeUndefined();
    expect(await store.head("big/object")).toEqual({
      key: "big/object",
      sizeBytes: size,
      crc32c: crc32c(body),
    });
    const boundary = limits.s3PartSizeBytesMin;
    expect(await store.getRange("big/object", boundary - 10, boundary + 10)).toEqual(
      body.slice(boundary - 10, boundary + 10),
    );
    // Buffer.equals, not toEqual: deep equality over ten million elements takes minutes.
    expect(Buffer.from(await store.get("big/object")).equals(body)).toBe(true);
  });

  it("uses one PutObject below the threshold", async () => {
    const store = openStore({ keyPrefix: "single/", multipartThresholdBytes: limits.s3PartSizeBytesMin });
    const counts = instrument(store);
    const body = new Uint8Array(limits.s3PartSizeBytesMin - 1);
    await store.put("almost-big", body, { crc32c: crc32c(body) });
    expect(counts.get("PutObjectCommand")).toBe(1);
    expect(counts.get("CreateMultipartUploadCommand")).toBeUndefined();
  });
});

describe("S3ObjectStore retries", () => {
  it("retries a throttled put with growing delays and succeeds", async () => {
    const sleeps: number[] = [];
    const store = openStore({ keyPrefix: "retry/", retryDelayMsBase: 100, retryDelayMsMax: 1000 }, sleeps);
    const counts = instrument(store, { command: "PutObjectCommand", failures: 3, error: slowDown });
    const body = new TextEncoder().encode("eventually stored");
    await store.put("throttled", body, { crc32c: crc32c(body) });
    expect(counts.get("PutObjectCommand")).toBe(4);
    expect(sleeps).toHaveLength(3);
    // Equal jitter: each delay lies in [ceiling / 2, ceiling] with ceilings 100, 200, 400.
    [100, 200, 400].forEach((ceiling, index) => {
      expect(sleeps[index]).toBeGreaterThanOrEqual(ceiling / 2);
      expect(sleeps[index]).toBeLessThanOrEqual(ceiling);
    });
    expect(await store.get("throttled")).toEqual(body);
  });

  it("retries a failed multipart part without restarting the upload", async () => {
    const store = openStore({
      keyPrefix: "retry-part/",
      multipartThresholdBytes: limits.s3PartSizeBytesMin,
      partSizeBytes: limits.s3PartSizeBytesMin,
    });
    const counts = instrument(store, { command: "UploadPartCommand", failures: 2, error: slowDown });
    const body = new Uint8Array(limits.s3PartSizeBytesMin + 10).fill(42);
    await store.put("parts", body, { crc32c: crc32c(body) });
    expect(counts.get("CreateMultipartUploadCommand")).toBe(1);
    expect(counts.get("UploadPartCommand")).toBe(4);
    expect((await store.head("parts"))?.sizeBytes).toBe(body.length);
  });

  it("gives up after the attempt bound with UNAVAILABLE", async () => {
    const sleeps: number[] = [];
    const store = openStore({ keyPrefix: "retry/", attemptsMax: 3 }, sleeps);
    const counts = instrument(store, { command: "HeadObjectCommand", failures: 100, error: slowDown });
    await expect(store.head("anything")).rejects.toSatisfy(
      (error) => HelixError.is(error, "UNAVAILABLE") && error.retriable,
    );
    expect(counts.get("HeadObjectCommand")).toBe(3);
    expect(sleeps).toHaveLength(2);
  });

  it("reports a refused connection as UNAVAILABLE after retrying", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, "127.0.0.1", () => {
        const address = probe.address();
        probe.close(() => resolve(typeof address === "object" && address !== null ? address.port : 0));
      });
    });
    const sleeps: number[] = [];
    const store = openStore({ endpoint: `http://127.0.0.1:${closedPort}`, attemptsMax: 2 }, sleeps);
    await expect(store.list("")).rejects.toSatisfy((error) => HelixError.is(error, "UNAVAILABLE"));
    expect(sleeps).toHaveLength(1);
  });

  it("does not retry a non-retriable failure", async () => {
    const sleeps: number[] = [];
    const store = openStore({ bucket: "no-such-bucket-here" }, sleeps);
    await expect(store.list("")).rejects.toSatisfy((error) => HelixError.is(error, "INVALID_CONFIG"));
    expect(sleeps).toHaveLength(0);
  });
});

describe("S3ObjectStore checksums", () => {
  it("reports an object whose bytes do not match its stored CRC32C as CORRUPT_DATA", async () => {
    const store = openStore({ keyPrefix: "checksum/" });
    await store.client.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: "checksum/tampered",
        Body: new TextEncoder().encode("not what was checksummed"),
        Metadata: { "helix-crc32c": "00000001" },
      }),
    );
    expect((await store.head("tampered"))?.crc32c).toBe(1);
    await expect(store.get("tampered")).rejects.toSatisfy((error) => HelixError.is(error, "CORRUPT_DATA"));
  });

  it("keeps every key under its key prefix", async () => {
    const prefixed = openStore({ keyPrefix: "tenant-a/" });
    const other = openStore({ keyPrefix: "tenant-b/" });
    const body = new TextEncoder().encode("a");
    await prefixed.put("same/key", body, { crc32c: crc32c(body) });
    expect(await prefixed.list("same/")).toEqual(["same/key"]);
    expect(await other.list("same/")).toEqual([]);
  });
});

describe("S3 error mapping and configuration", () => {
  const mapped = (fields: Record<string, unknown>) =>
    mapS3Error(Object.assign(new Error(String(fields.message ?? "x")), fields), "op").code;

  it("maps throttling, 5xx and network errors to UNAVAILABLE and the rest to their meaning", () => {
    expect(mapped({ name: "SlowDown", $metadata: { httpStatusCode: 503 } })).toBe("UNAVAILABLE");
    expect(mapped({ name: "InternalError", $metadata: { httpStatusCode: 500 } })).toBe("UNAVAILABLE");
    expect(mapped({ name: "Whatever", $metadata: { httpStatusCode: 429 } })).toBe("UNAVAILABLE");
    expect(mapped({ name: "Error", code: "ECONNRESET" })).toBe("UNAVAILABLE");
    expect(mapped({ name: "TimeoutError" })).toBe("UNAVAILABLE");
    expect(mapped({ name: "NoSuchKey", $metadata: { httpStatusCode: 404 } })).toBe("NOT_FOUND");
    expect(mapped({ name: "NoSuchBucket", $metadata: { httpStatusCode: 404 } })).toBe("INVALID_CONFIG");
    expect(mapped({ name: "AccessDenied", $metadata: { httpStatusCode: 403 } })).toBe("INVALID_CONFIG");
    expect(mapped({ name: "InvalidRange", $metadata: { httpStatusCode: 416 } })).toBe("INVALID_ARGUMENT");
    expect(mapped({ name: "MalformedXML", $metadata: { httpStatusCode: 400 } })).toBe("IO_ERROR");
  });

  it("rejects invalid configurations with INVALID_CONFIG", () => {
    const valid: S3ObjectStoreConfig = { bucket: "my-bucket", region: "eu-west-1" };
    validateS3ObjectStoreConfig(valid);
    const invalid: S3ObjectStoreConfig[] = [
      { ...valid, bucket: "Bad_Bucket" },
      { ...valid, region: "" },
      { ...valid, endpoint: "ftp://x" },
      { ...valid, keyPrefix: "no-trailing-slash" },
      { ...valid, keyPrefix: "../up/" },
      { ...valid, partSizeBytes: limits.s3PartSizeBytesMin - 1 },
      { ...valid, multipartThresholdBytes: 1024 },
      { ...valid, attemptsMax: 0 },
      { ...valid, attemptsMax: limits.objectStoreAttemptsMax + 1 },
      { ...valid, credentials: { accessKeyId: "id", secretAccessKey: "" } },
    ];
    for (const config of invalid) {
      expect(() => validateS3ObjectStoreConfig(config), JSON.stringify(config)).toThrow(
        expect.objectContaining({ code: "INVALID_CONFIG" }),
      );
    }
  });
});
