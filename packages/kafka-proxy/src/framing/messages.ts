import { apiVersionsApi } from "../protocol/generated/api-versions/index.gen.js";
import type { ApiVersionsResponse } from "../protocol/generated/api-versions/types.gen.js";
import type { RequestHeader } from "../protocol/generated/request-header/types.gen.js";
import { ProtocolDecodeError } from "../protocol/protocol-error.js";
import { Reader } from "../protocol/reader.js";
import { Writer } from "../protocol/writer.js";
import { type AdvertisedApi, advertisedApis, findGeneratedApi } from "./api-table.js";
import { decodeRequestHeader, encodeRequestHeader, encodeResponseHeader } from "./headers.js";

/** A request frame split into its header and its decoded body. */
export interface DecodedRequest {
  readonly header: RequestHeader;
  /** The body as the generated type of header.requestApiKey's request; narrow it by api key. */
  readonly body: unknown;
}

/**
 * Decodes a whole request frame (without its size prefix) with the generated codecs. Raises
 * ProtocolDecodeError for a malformed frame, an unknown API or a version we have no codec for, and for
 * bytes left over after the body. Whether the version is advertised is the caller's decision (an
 * unsupported ApiVersions version must still be answered, see unsupportedApiVersionsResponse).
 */
export function decodeRequestFrame(frame: Uint8Array): DecodedRequest {
  const reader = new Reader(frame);
  const header = decodeRequestHeader(reader);
  const decode = findGeneratedApi(header.requestApiKey)?.request.decode[header.requestApiVersion];
  if (decode === undefined) {
    throw new ProtocolDecodeError(
      "unsupported-api",
      `no codec for api ${header.requestApiKey} version ${header.requestApiVersion}`,
      reader.position,
    );
  }
  const body = decode(reader);
  reader.expectEnd();
  return { header, body };
}

/** Encodes a request frame without its size prefix: the inverse of decodeRequestFrame (tests, tooling). */
export function encodeRequestFrame(header: RequestHeader, body: unknown): Uint8Array {
  const encode = findGeneratedApi(header.requestApiKey)?.request.encode[header.requestApiVersion];
  if (encode === undefined)
    throw new Error(`no codec for api ${header.requestApiKey} v${header.requestApiVersion}`);
  const writer = new Writer();
  encodeRequestHeader(writer, header);
  encode(writer, body);
  return writer.finish();
}

/**
 * Encodes a complete response frame: int32 size, the header version this API and version require, then
 * the body. `encodeBody` is the generated encoder for the request's version.
 */
export function encodeResponseFrame<Response>(
  apiKey: number,
  apiVersion: number,
  correlationId: number,
  body: Response,
  encodeBody: (writer: Writer, value: Response) => void,
): Uint8Array {
  const writer = new Writer();
  writer.writeInt32(0);
  encodeResponseHeader(writer, apiKey, apiVersion, correlationId);
  encodeBody(writer, body);
  writer.patchInt32(0, writer.position - 4);
  return writer.finish();
}

const unsupportedVersionErrorCode = 35;

/**
 * The body Kafka sends for an ApiVersions request whose version it does not support: encoded as v0
 * (the one version every client can read), ErrorCode 35 UNSUPPORTED_VERSION, and the APIs we support so
 * the client can retry with a version in our ApiVersions range (KIP-511). Kafka lists only the
 * ApiVersions row; listing every row is a superset that clients accept the same way.
 */
export function unsupportedApiVersionsResponse(
  apis: readonly AdvertisedApi[] = advertisedApis,
): ApiVersionsResponse {
  return {
    errorCode: unsupportedVersionErrorCode,
    apiKeys: apis.map((api) => ({
      apiKey: api.apiKey,
      minVersion: api.minVersion,
      maxVersion: api.maxVersion,
    })),
    throttleTimeMs: 0,
    supportedFeatures: [],
    finalizedFeaturesEpoch: -1n,
    finalizedFeatures: [],
    zkMigrationReady: false,
  };
}

/** The whole frame answering an ApiVersions request of an unsupported version: header v0 + v0 body. */
export function encodeUnsupportedApiVersionsFrame(correlationId: number): Uint8Array {
  const encodeVersion0 = apiVersionsApi.response.encode[0]!;
  return encodeResponseFrame(
    apiVersionsApi.apiKey,
    0,
    correlationId,
    unsupportedApiVersionsResponse(),
    encodeVersion0,
  );
}
