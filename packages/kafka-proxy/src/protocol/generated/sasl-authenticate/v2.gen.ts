// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import { readUnknownTaggedFieldsOnly, writeUnknownTaggedFieldsOnly } from "../../generated-support.js";
import type { SaslAuthenticateRequest, SaslAuthenticateResponse } from "./types.gen.js";

export function decodeSaslAuthenticateRequestV2(reader: Reader): SaslAuthenticateRequest {
  const authBytes = reader.readCompactBytes();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { authBytes, unknownTaggedFields };
}

export function encodeSaslAuthenticateRequestV2(writer: Writer, value: SaslAuthenticateRequest): void {
  writer.writeCompactBytes(value.authBytes);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}

export function decodeSaslAuthenticateResponseV2(reader: Reader): SaslAuthenticateResponse {
  const errorCode = reader.readInt16();
  const errorMessage = reader.readCompactNullableString();
  const authBytes = reader.readCompactBytes();
  const sessionLifetimeMs = reader.readInt64();
  const unknownTaggedFields = readUnknownTaggedFieldsOnly(reader);
  return { errorCode, errorMessage, authBytes, sessionLifetimeMs, unknownTaggedFields };
}

export function encodeSaslAuthenticateResponseV2(writer: Writer, value: SaslAuthenticateResponse): void {
  writer.writeInt16(value.errorCode);
  writer.writeCompactNullableString(value.errorMessage);
  writer.writeCompactBytes(value.authBytes);
  writer.writeInt64(value.sessionLifetimeMs);
  writeUnknownTaggedFieldsOnly(writer, value.unknownTaggedFields);
}
