import { createHash } from "node:crypto";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { crc32c, HelixError, limits, type ObjectInfo, type ObjectStore } from "@helixlog/core";
import { checkRange, hex } from "../internal/object-range.js";
import { validateObjectKey, validateObjectKeyPrefix } from "../object-key.js";

/**
 * An ObjectStore on Amazon S3 or an S3-compatible server (MinIO, s3rver, R2...).
 *
 * - Every object carries its CRC32C in user metadata (`x-amz-meta-helix-crc32c`, 8 hex digits); `head`
 *   reports it and `get` verifies the body against it (CORRUPT_DATA on mismatch). Each request body also
 *   carries Content-MD5, so S3 rejects bytes damaged in transit (BadDigest, retried).
 * - Objects at or above `multipartThresholdBytes` are uploaded in parts of `partSizeBytes`; an upload
 *   that fails is aborted (best effort: parts left behind are billed until a bucket lifecycle rule
 *   removes them, so production buckets should have one).
 * - Retriable failures (network errors, 5xx, throttling) are retried with exponential backoff and
 *   jitter, at most `attemptsMax` attempts per request, then surface as UNAVAILABLE. The SDK's own retry
 *   is turned off so attempts are not multiplied.
 * - Credentials come from the config when given, otherwise from the standard AWS chain (environment,
 *   shared files, SSO, web identity, instance metadata).
 */
export interface S3ObjectStoreConfig {
  readonly bucket: string;
  readonly region: string;
  /** For S3-compatible servers, e.g. http://127.0.0.1:9000. Unset means AWS's endpoint for the region. */
  readonly endpoint?: string;
  /** Prepended to every key, e.g. "helix/cluster-1/". Empty or ending in "/". */
  readonly keyPrefix?: string;
  /** Bucket in the path instead of the host name; most S3-compatible servers need it. */
  readonly forcePathStyle?: boolean;
  readonly credentials?: {
    readonly accessKeyId: string;
    readonly secretAccessKey: string;
    readonly sessionToken?: string;
  };
  readonly multipartThresholdBytes?: number;
  readonly partSizeBytes?: number;
  readonly attemptsMax?: number;
  readonly retryDelayMsBase?: number;
  readonly retryDelayMsMax?: number;
  /** Time one HTTP request may take before it is abandoned and retried. */
  readonly requestTimeoutMs?: number;
}

/** Test seams. */
export interface S3ObjectStoreHooks {
  /** Waits between retries; tests replace it to run without real delays. */
  readonly sleep?: (durationMs: number) => Promise<void>;
}

const requestTimeoutMsDefault = 60_000;
const requestTimeoutMsMax = 15 * 60_000;
const metadataChecksumName = "helix-crc32c";
/** ListObjectsV2 returns at most 1,000 keys a page. */
const listPageKeys = 1000;

interface ResolvedConfig {
  readonly bucket: string;
  readonly keyPrefix: string;
  readonly multipartThresholdBytes: number;
  readonly partSizeBytes: number;
  readonly attemptsMax: number;
  readonly retryDelayMsBase: number;
  readonly retryDelayMsMax: number;
}

/** Checks an S3 store configuration that came from outside (flags, a config file, the environment). */
export function validateS3ObjectStoreConfig(config: S3ObjectStoreConfig): void {
  const fail = (message: string): never => {
    throw new HelixError("INVALID_CONFIG", `S3 object store: ${message}`);
  };
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(config.bucket ?? "")) {
    fail(`bucket "${config.bucket}" is not a valid S3 bucket name`);
  }
  if (typeof config.region !== "string" || config.region.length === 0) fail("region must be set");
  if (config.endpoint !== undefined && !/^https?:\/\/[^\s/]+/.test(config.endpoint)) {
    fail(`endpoint "${config.endpoint}" must be an http(s) URL`);
  }
  const prefix = config.keyPrefix ?? "";
  if (prefix !== "") {
    if (!prefix.endsWith("/")) fail(`keyPrefix "${prefix}" must end with "/"`);
    try {
      validateObjectKey(prefix.slice(0, -1));
    } catch (error) {
      fail(`keyPrefix "${prefix}" is not a valid key prefix: ${(error as Error).message}`);
    }
  }
  if (config.credentials !== undefined) {
    if (!config.credentials.accessKeyId || !config.credentials.secretAccessKey) {
      fail("explicit credentials need both accessKeyId and secretAccessKey");
    }
  }
  const checkInteger = (name: string, value: number | undefined, minimum: number, maximum: number) => {
    if (value !== undefined && (!Number.isInteger(value) || value < minimum || value > maximum)) {
      fail(`${name} must be an integer in [${minimum}, ${maximum}], got ${value}`);
    }
  };
  checkInteger("partSizeBytes", config.partSizeBytes, limits.s3PartSizeBytesMin, limits.s3PartSizeBytesMax);
  checkInteger(
    "multipartThresholdBytes",
    config.multipartThresholdBytes,
    limits.s3PartSizeBytesMin,
    limits.objectSizeBytesMax,
  );
  checkInteger("attemptsMax", config.attemptsMax, 1, limits.objectStoreAttemptsMax);
  checkInteger("retryDelayMsBase", config.retryDelayMsBase, 0, limits.objectStoreRetryDelayMsMax);
  checkInteger("retryDelayMsMax", config.retryDelayMsMax, 0, limits.objectStoreRetryDelayMsMax);
  checkInteger("requestTimeoutMs", config.requestTimeoutMs, 1, requestTimeoutMsMax);
  const partSize = config.partSizeBytes ?? limits.s3PartSizeBytesDefault;
  if (Math.ceil(limits.objectSizeBytesMax / partSize) > limits.s3PartsMax) {
    fail(`partSizeBytes ${partSize} would need more than ${limits.s3PartsMax} parts for the largest object`);
  }
}

export class S3ObjectStore implements ObjectStore {
  /** The SDK client, exposed for tests (fault-injecting middleware) and for closing. */
  readonly client: S3Client;
  private readonly config: ResolvedConfig;
  private readonly sleep: (durationMs: number) => Promise<void>;

  constructor(config: S3ObjectStoreConfig, hooks: S3ObjectStoreHooks = {}) {
    validateS3ObjectStoreConfig(config);
    this.config = {
      bucket: config.bucket,
      keyPrefix: config.keyPrefix ?? "",
      multipartThresholdBytes: config.multipartThresholdBytes ?? limits.s3MultipartThresholdBytesDefault,
      partSizeBytes: config.partSizeBytes ?? limits.s3PartSizeBytesDefault,
      attemptsMax: config.attemptsMax ?? limits.objectStoreAttemptsMax,
      retryDelayMsBase: config.retryDelayMsBase ?? limits.objectStoreRetryDelayMsBase,
      retryDelayMsMax: config.retryDelayMsMax ?? limits.objectStoreRetryDelayMsMax,
    };
    this.sleep = hooks.sleep ?? ((durationMs) => new Promise((resolve) => setTimeout(resolve, durationMs)));
    const clientConfig: S3ClientConfig = {
      region: config.region,
      forcePathStyle: config.forcePathStyle ?? false,
      // Our own retry loop below owns retries, so the SDK must not multiply them.
      maxAttempts: 1,
      // We send Content-MD5 and keep CRC32C in metadata; the SDK's default streaming (aws-chunked)
      // checksums are not understood by several S3-compatible servers.
      requestChecksumCalculation: "WHEN_REQUIRED",
      responseChecksumValidation: "WHEN_REQUIRED",
      requestHandler: {
        requestTimeout: config.requestTimeoutMs ?? requestTimeoutMsDefault,
        connectionTimeout: Math.min(config.requestTimeoutMs ?? requestTimeoutMsDefault, 10_000),
      },
    };
    if (config.endpoint !== undefined) clientConfig.endpoint = config.endpoint;
    if (config.credentials !== undefined) {
      clientConfig.credentials = {
        accessKeyId: config.credentials.accessKeyId,
        secretAccessKey: config.credentials.secretAccessKey,
        ...(config.credentials.sessionToken === undefined
          ? {}
          : { sessionToken: config.credentials.sessionToken }),
      };
    }
    this.client = new S3Client(clientConfig);
  }

  /** Releases the client's sockets. */
  close(): void {
    this.client.destroy();
  }

  async put(key: string, body: Uint8Array, options: { readonly crc32c: number }): Promise<void> {
    validateObjectKey(key);
    if (body.length > limits.objectSizeBytesMax) {
      throw new HelixError("INVALID_ARGUMENT", `an object is at most ${limits.objectSizeBytesMax} bytes`);
    }
    const computed = crc32c(body);
    if (computed !== options.crc32c >>> 0) {
      throw new HelixError(
        "CORRUPT_DATA",
        `object ${key}: CRC32C given to put is ${hex(options.crc32c)} but the body's is ${hex(computed)}`,
      );
    }
    // Copied now: the caller may reuse its buffer while a slow or retried upload is still running.
    const copy = body.slice();
    if (copy.length >= this.config.multipartThresholdBytes) await this.putMultipart(key, copy, computed);
    else await this.putSingle(key, copy, computed);
  }

  async get(key: string): Promise<Uint8Array> {
    validateObjectKey(key);
    return this.withRetries(`get ${key}`, async () => {
      const response = await this.client.send(
        new GetObjectCommand({ Bucket: this.config.bucket, Key: this.fullKey(key) }),
      );
      const body = await bodyBytes(response.Body);
      const stored = parseChecksum(response.Metadata, key);
      if (stored !== undefined && crc32c(body) !== stored) {
        throw new HelixError(
          "CORRUPT_DATA",
          `object ${key}: stored CRC32C ${hex(stored)}, computed ${hex(crc32c(body))}`,
        );
      }
      return body;
    });
  }

  async getRange(key: string, start: number, endExclusive: number): Promise<Uint8Array> {
    validateObjectKey(key);
    if (!(Number.isSafeInteger(start) && Number.isSafeInteger(endExclusive) && start <= endExclusive)) {
      checkRange(key, start, endExclusive, Number.MAX_SAFE_INTEGER);
    }
    if (start === endExclusive) {
      // HTTP cannot ask for zero bytes; a head still checks that the object and the position exist.
      const info = await this.head(key);
      if (info === undefined) throw new HelixError("NOT_FOUND", `object ${key} does not exist`);
      checkRange(key, start, endExclusive, info.sizeBytes);
      return new Uint8Array(0);
    }
    return this.withRetries(`get range of ${key}`, async () => {
      const response = await this.client.send(
        new GetObjectCommand({
          Bucket: this.config.bucket,
          Key: this.fullKey(key),
          Range: `bytes=${start}-${endExclusive - 1}`,
        }),
      );
      const body = await bodyBytes(response.Body);
      // S3 silently shortens a range that runs past the end; the total in Content-Range tells us.
      const total = Number(/\/(\d+)$/.exec(response.ContentRange ?? "")?.[1]);
      if (Number.isSafeInteger(total)) checkRange(key, start, endExclusive, total);
      if (body.length !== endExclusive - start) {
        throw new HelixError(
          "UNAVAILABLE",
          `object ${key}: range [${start}, ${endExclusive}) returned ${body.length} bytes`,
        );
      }
      return body;
    });
  }

  async head(key: string): Promise<ObjectInfo | undefined> {
    validateObjectKey(key);
    try {
      return await this.withRetries(`head ${key}`, async () => {
        const response = await this.client.send(
          new HeadObjectCommand({ Bucket: this.config.bucket, Key: this.fullKey(key) }),
        );
        return { key, sizeBytes: response.ContentLength ?? 0, crc32c: parseChecksum(response.Metadata, key) };
      });
    } catch (error) {
      if (HelixError.is(error, "NOT_FOUND")) return undefined;
      throw error;
    }
  }

  async list(prefix: string): Promise<string[]> {
    validateObjectKeyPrefix(prefix);
    const keys: string[] = [];
    let continuationToken: string | undefined;
    // Each page holds up to 1,000 keys, so this many pages cover the largest listing we accept.
    const pagesMax = Math.ceil(limits.objectListKeysMax / listPageKeys) + 1;
    for (let page = 0; page < pagesMax; page++) {
      const response = await this.withRetries(`list ${prefix}`, () =>
        this.client.send(
          new ListObjectsV2Command({
            Bucket: this.config.bucket,
            Prefix: this.fullKey(prefix),
            MaxKeys: listPageKeys,
            ...(continuationToken === undefined ? {} : { ContinuationToken: continuationToken }),
          }),
        ),
      );
      for (const object of response.Contents ?? []) {
        if (object.Key !== undefined) keys.push(object.Key.slice(this.config.keyPrefix.length));
      }
      if (keys.length > limits.objectListKeysMax) {
        throw new HelixError(
          "RESOURCE_EXHAUSTED",
          `more than ${limits.objectListKeysMax} keys under ${prefix}`,
        );
      }
      if (response.IsTruncated !== true || response.NextContinuationToken === undefined) return keys.sort();
      continuationToken = response.NextContinuationToken;
    }
    throw new HelixError("RESOURCE_EXHAUSTED", `listing ${prefix} did not end within ${pagesMax} pages`);
  }

  async delete(key: string): Promise<void> {
    validateObjectKey(key);
    try {
      await this.withRetries(`delete ${key}`, () =>
        this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.fullKey(key) })),
      );
    } catch (error) {
      if (!HelixError.is(error, "NOT_FOUND")) throw error;
    }
  }

  private fullKey(key: string): string {
    return this.config.keyPrefix + key;
  }

  private async putSingle(key: string, body: Uint8Array, checksum: number): Promise<void> {
    await this.withRetries(`put ${key}`, () =>
      this.client.send(
        new PutObjectCommand({
          Bucket: this.config.bucket,
          Key: this.fullKey(key),
          Body: body,
          ContentLength: body.length,
          ContentMD5: md5Base64(body),
          Metadata: { [metadataChecksumName]: hex(checksum).slice(2) },
        }),
      ),
    );
  }

  private async putMultipart(key: string, body: Uint8Array, checksum: number): Promise<void> {
    const created = await this.withRetries(`start multipart upload of ${key}`, () =>
      this.client.send(
        new CreateMultipartUploadCommand({
          Bucket: this.config.bucket,
          Key: this.fullKey(key),
          Metadata: { [metadataChecksumName]: hex(checksum).slice(2) },
        }),
      ),
    );
    const uploadId = created.UploadId;
    if (uploadId === undefined) throw new HelixError("IO_ERROR", `S3 returned no upload id for ${key}`);
    try {
      const parts = await this.uploadParts(key, uploadId, body);
      await this.withRetries(`complete multipart upload of ${key}`, () =>
        this.client.send(
          new CompleteMultipartUploadCommand({
            Bucket: this.config.bucket,
            Key: this.fullKey(key),
            UploadId: uploadId,
            MultipartUpload: { Parts: parts },
          }),
        ),
      );
    } catch (error) {
      await this.client
        .send(
          new AbortMultipartUploadCommand({
            Bucket: this.config.bucket,
            Key: this.fullKey(key),
            UploadId: uploadId,
          }),
        )
        .catch(() => undefined);
      throw error;
    }
  }

  private async uploadParts(
    key: string,
    uploadId: string,
    body: Uint8Array,
  ): Promise<Array<{ ETag: string; PartNumber: number }>> {
    const parts: Array<{ ETag: string; PartNumber: number }> = [];
    const partCount = Math.ceil(body.length / this.config.partSizeBytes);
    for (let index = 0; index < partCount; index++) {
      const part = body.subarray(index * this.config.partSizeBytes, (index + 1) * this.config.partSizeBytes);
      const partNumber = index + 1;
      const response = await this.withRetries(`upload part ${partNumber} of ${key}`, () =>
        this.client.send(
          new UploadPartCommand({
            Bucket: this.config.bucket,
            Key: this.fullKey(key),
            UploadId: uploadId,
            PartNumber: partNumber,
            Body: part,
            ContentLength: part.length,
            ContentMD5: md5Base64(part),
          }),
        ),
      );
      if (response.ETag === undefined)
        throw new HelixError("IO_ERROR", `S3 returned no ETag for part ${partNumber}`);
      parts.push({ ETag: response.ETag, PartNumber: partNumber });
    }
    return parts;
  }

  /** Runs `operation`, retrying retriable failures with exponential backoff and jitter, boundedly. */
  private async withRetries<T>(what: string, operation: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await operation();
      } catch (error) {
        const mapped = mapS3Error(error, what);
        if (mapped.code !== "UNAVAILABLE" || attempt >= this.config.attemptsMax) throw mapped;
        const ceiling = Math.min(
          this.config.retryDelayMsMax,
          this.config.retryDelayMsBase * 2 ** (attempt - 1),
        );
        // "Equal jitter": at least half the backoff, so retries spread out without collapsing to zero.
        await this.sleep(ceiling / 2 + Math.random() * (ceiling / 2));
      }
    }
  }
}

function md5Base64(data: Uint8Array): string {
  return createHash("md5").update(data).digest("base64");
}

async function bodyBytes(body: unknown): Promise<Uint8Array> {
  if (body === undefined || body === null) return new Uint8Array(0);
  const stream = body as { transformToByteArray?: () => Promise<Uint8Array> };
  if (typeof stream.transformToByteArray !== "function") {
    throw new HelixError("IO_ERROR", "S3 returned a body that cannot be read");
  }
  return stream.transformToByteArray();
}

function parseChecksum(metadata: Record<string, string> | undefined, key: string): number | undefined {
  const text = metadata?.[metadataChecksumName];
  if (text === undefined) return undefined;
  if (!/^[0-9a-f]{8}$/.test(text)) {
    throw new HelixError("CORRUPT_DATA", `object ${key}: checksum metadata "${text}" is not 8 hex digits`);
  }
  return Number.parseInt(text, 16);
}

const retriableNames = new Set([
  "SlowDown",
  "Throttling",
  "ThrottlingException",
  "TooManyRequestsException",
  "RequestTimeout",
  "RequestTimeTooSkewed",
  "InternalError",
  "ServiceUnavailable",
  "BadDigest",
  "TimeoutError",
  "RequestTimeoutException",
]);
const networkCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EAI_AGAIN",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ECONNABORTED",
]);
const configurationNames = new Set([
  "NoSuchBucket",
  "AccessDenied",
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "AuthorizationHeaderMalformed",
  "PermanentRedirect",
  "InvalidBucketName",
]);

/** Maps an SDK or network error to our vocabulary; UNAVAILABLE marks what is worth retrying. */
export function mapS3Error(error: unknown, what: string): HelixError {
  if (HelixError.isInstance(error)) return error;
  const fields = (typeof error === "object" && error !== null ? error : {}) as {
    name?: string;
    code?: string;
    message?: string;
    $metadata?: { httpStatusCode?: number };
    $retryable?: unknown;
  };
  const name = fields.name ?? "Error";
  const status = fields.$metadata?.httpStatusCode;
  const text = `${what}: ${name}${status === undefined ? "" : ` (HTTP ${status})`}: ${fields.message ?? String(error)}`;
  const options = { cause: error, details: { name, status } };
  if (name === "NoSuchKey" || name === "NotFound" || status === 404) {
    return configurationNames.has(name)
      ? new HelixError("INVALID_CONFIG", text, options)
      : new HelixError("NOT_FOUND", text, options);
  }
  if (name === "InvalidRange" || status === 416) return new HelixError("INVALID_ARGUMENT", text, options);
  if (configurationNames.has(name) || status === 403) return new HelixError("INVALID_CONFIG", text, options);
  const retriable =
    retriableNames.has(name) ||
    networkCodes.has(fields.code ?? "") ||
    networkCodes.has(name) ||
    fields.$retryable !== undefined ||
    status === 429 ||
    (status !== undefined && status >= 500) ||
    (status === undefined && /socket|network|timed? ?out|ECONN/i.test(fields.message ?? ""));
  return new HelixError(retriable ? "UNAVAILABLE" : "IO_ERROR", text, options);
}
