import { apiVersionsApi } from "../protocol/generated/api-versions/index.gen.js";
import {
  decodeRequestHeaderV1,
  decodeRequestHeaderV2,
  encodeRequestHeaderV1,
  encodeRequestHeaderV2,
} from "../protocol/generated/request-header/index.gen.js";
import type { RequestHeader } from "../protocol/generated/request-header/types.gen.js";
import { ProtocolDecodeError } from "../protocol/protocol-error.js";
import type { Reader } from "../protocol/reader.js";
import type { Writer } from "../protocol/writer.js";
import { findGeneratedApi, isFlexibleVersion } from "./api-table.js";

/**
 * Request header v2 (with a tagged-field section) for flexible versions, else v1. ClientId is an
 * int16-length nullable string in both: the schema pins it with `"flexibleVersions": "none"` so that any
 * broker can read the header of an ApiVersions request of any version. (v0, without ClientId, only
 * exists for ControlledShutdown v0, which we do not serve.)
 */
export function requestHeaderVersion(apiKey: number, apiVersion: number): 1 | 2 {
  return isFlexibleVersion(apiKey, apiVersion) ? 2 : 1;
}

/**
 * Response header v1 (with tagged fields) for flexible versions, else v0. ApiVersions always answers
 * with v0, even for v3+ (KIP-511): a client that does not yet know our versions must be able to read it.
 */
export function responseHeaderVersion(apiKey: number, apiVersion: number): 0 | 1 {
  if (apiKey === apiVersionsApi.apiKey) return 0;
  return isFlexibleVersion(apiKey, apiVersion) ? 1 : 0;
}

/**
 * Decodes a request header, leaving the reader at the body. An API key we have no schema for raises
 * `unsupported-api`: without its schema we cannot tell where the header ends (Kafka closes the
 * connection in that case too).
 */
export function decodeRequestHeader(reader: Reader): RequestHeader {
  const start = reader.position;
  if (reader.remaining < 4) throw new ProtocolDecodeError("truncated", "request header is truncated", start);
  const apiKey = reader.readInt16();
  const apiVersion = reader.readInt16();
  reader.position = start;
  if (findGeneratedApi(apiKey) === undefined) {
    throw new ProtocolDecodeError("unsupported-api", `unknown api key ${apiKey}`, start);
  }
  return requestHeaderVersion(apiKey, apiVersion) === 2
    ? decodeRequestHeaderV2(reader)
    : decodeRequestHeaderV1(reader);
}

export function encodeRequestHeader(writer: Writer, header: RequestHeader): void {
  // Only tests and the fixture tooling write request headers; the proxy reads them.
  const version = requestHeaderVersion(header.requestApiKey, header.requestApiVersion);
  if (version === 2) encodeRequestHeaderV2(writer, header);
  else encodeRequestHeaderV1(writer, header);
}

/** Writes the header of a response to a request with this API key and version. */
export function encodeResponseHeader(
  writer: Writer,
  apiKey: number,
  apiVersion: number,
  correlationId: number,
): void {
  writer.writeInt32(correlationId);
  // Header v1 adds an empty tagged-field section; we never send header tags.
  if (responseHeaderVersion(apiKey, apiVersion) === 1) writer.writeUnsignedVarint(0);
}
