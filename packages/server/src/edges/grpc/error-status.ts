/**
 * Maps errors to gRPC statuses carrying a helix.v1.ErrorDetail (errors.proto), the standard way: the
 * binary trailer `grpc-status-details-bin` holds a google.rpc.Status whose `details` hold one
 * google.protobuf.Any of type `type.googleapis.com/helix.v1.ErrorDetail`. Clients in any language decode
 * it with their usual rich-error helpers; `decodeErrorDetail` is the TypeScript side.
 *
 * The three messages are tiny and fixed, so they are encoded here by hand rather than through a
 * protobuf runtime the package does not depend on directly.
 */

import { Metadata, type ServiceError, type status } from "@grpc/grpc-js";
import { HelixError, type NodeId } from "@helixlog/core";

export const statusDetailsKey = "grpc-status-details-bin";
export const errorDetailTypeUrl = "type.googleapis.com/helix.v1.ErrorDetail";

export interface ErrorDetail {
  readonly code: string;
  readonly retriable: boolean;
  readonly retryAfterMs: number;
  /** 0 when unknown (node ids start at 1). */
  readonly leaderId: number;
  readonly leaderAddress: string;
}

/** Any thrown value as a gRPC error. Non-Helix errors are our bugs: INTERNAL, never a crash. */
export function toServiceError(
  error: unknown,
  addressOf: (nodeId: NodeId) => string | undefined,
): ServiceError {
  const helixError = HelixError.isInstance(error)
    ? error
    : new HelixError(
        "INTERNAL",
        `internal error: ${error instanceof Error ? error.message : String(error)}`,
        {
          cause: error,
        },
      );
  const detail = errorDetailOf(helixError, addressOf);
  const metadata = new Metadata();
  metadata.set(
    statusDetailsKey,
    Buffer.from(encodeStatus(helixError.grpcStatus, helixError.message, detail)),
  );
  return Object.assign(new Error(helixError.message), {
    code: helixError.grpcStatus as status,
    details: `${helixError.code}: ${helixError.message}`,
    metadata,
  });
}

function errorDetailOf(error: HelixError, addressOf: (nodeId: NodeId) => string | undefined): ErrorDetail {
  const leader = error.details.leader;
  const leaderId =
    typeof leader === "number" && Number.isInteger(leader) && leader > 0 ? (leader as NodeId) : undefined;
  const retryAfter = error.details.retryAfterMs;
  return {
    code: error.code,
    retriable: error.retriable,
    retryAfterMs:
      typeof retryAfter === "number" && retryAfter > 0 ? Math.min(Math.ceil(retryAfter), 2 ** 32 - 1) : 0,
    leaderId: leaderId ?? 0,
    leaderAddress: leaderId === undefined ? "" : (addressOf(leaderId) ?? ""),
  };
}

/** The ErrorDetail in a status's trailers, or undefined when it has none (or it does not parse). */
export function decodeErrorDetail(metadata: Metadata): ErrorDetail | undefined {
  const value = metadata.get(statusDetailsKey)[0];
  if (!(value instanceof Buffer)) return undefined;
  try {
    for (const any of readFields(value).filter((field) => field.number === 3)) {
      const fields = readFields(any.bytes);
      const typeUrl = fields.find((field) => field.number === 1);
      const body = fields.find((field) => field.number === 2);
      if (typeUrl !== undefined && body !== undefined && text(typeUrl.bytes) === errorDetailTypeUrl) {
        return parseErrorDetail(body.bytes);
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}

function parseErrorDetail(bytes: Uint8Array): ErrorDetail {
  const fields = readFields(bytes);
  const last = (number: number) => fields.filter((field) => field.number === number).at(-1);
  return {
    code: text(last(1)?.bytes ?? new Uint8Array(0)),
    retriable: (last(2)?.value ?? 0) !== 0,
    retryAfterMs: last(3)?.value ?? 0,
    leaderId: last(4)?.value ?? 0,
    leaderAddress: text(last(5)?.bytes ?? new Uint8Array(0)),
  };
}

/* Encoding: google.rpc.Status { int32 code = 1; string message = 2; repeated Any details = 3; }. */

function encodeStatus(code: number, message: string, detail: ErrorDetail): Uint8Array {
  const errorDetail = concat([
    stringField(1, detail.code),
    varintField(2, detail.retriable ? 1 : 0),
    varintField(3, detail.retryAfterMs),
    varintField(4, detail.leaderId),
    stringField(5, detail.leaderAddress),
  ]);
  const any = concat([stringField(1, errorDetailTypeUrl), bytesField(2, errorDetail)]);
  return concat([varintField(1, code), stringField(2, message), bytesField(3, any)]);
}

/** Proto3 leaves default values out; every value here is a non-negative integer below 2^32. */
function varintField(number: number, value: number): Uint8Array {
  return value === 0 ? new Uint8Array(0) : concat([varint(number << 3), varint(value)]);
}

function stringField(number: number, value: string): Uint8Array {
  return value === "" ? new Uint8Array(0) : bytesField(number, new TextEncoder().encode(value));
}

function bytesField(number: number, value: Uint8Array): Uint8Array {
  return concat([varint((number << 3) | 2), varint(value.length), value]);
}

function varint(value: number): Uint8Array {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest % 0x80) | 0x80);
    rest = Math.floor(rest / 0x80);
  }
  bytes.push(rest);
  return Uint8Array.from(bytes);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  return Buffer.concat(parts);
}

/* Decoding: just enough of the wire format for these messages; unknown fields are skipped. */

interface Field {
  readonly number: number;
  readonly value: number;
  readonly bytes: Uint8Array;
}

/** Fixed-width wire types: 1 is 64 bits, 5 is 32 bits. */
const fixedWidthBytes: Readonly<Record<number, number>> = { 1: 8, 5: 4 };

function readFields(bytes: Uint8Array): Field[] {
  const fields: Field[] = [];
  let position = 0;
  // Every iteration consumes at least one byte, so the loop ends within bytes.length rounds.
  while (position < bytes.length) {
    const key = readVarint(bytes, position);
    position = key.next;
    const wireType = key.value % 8;
    const number = Math.floor(key.value / 8);
    if (wireType === 0) {
      const value = readVarint(bytes, position);
      position = value.next;
      fields.push({ number, value: value.value, bytes: new Uint8Array(0) });
    } else if (wireType === 2) {
      const length = readVarint(bytes, position);
      const end = length.next + length.value;
      if (end > bytes.length) throw new Error("length-delimited field runs past the end");
      fields.push({ number, value: 0, bytes: bytes.subarray(length.next, end) });
      position = end;
    } else if (fixedWidthBytes[wireType] !== undefined) {
      position += fixedWidthBytes[wireType];
    } else {
      throw new Error(`unsupported wire type ${wireType}`);
    }
  }
  return fields;
}

/** Varints up to 10 bytes; values past 2^53 lose precision, which none of these fields reach. */
function readVarint(bytes: Uint8Array, start: number): { value: number; next: number } {
  let value = 0;
  let scale = 1;
  for (let position = start; position < bytes.length && position < start + 10; position++) {
    const byte = bytes[position] as number;
    value += (byte & 0x7f) * scale;
    scale *= 0x80;
    if (byte < 0x80) return { value, next: position + 1 };
  }
  throw new Error("truncated varint");
}

function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
