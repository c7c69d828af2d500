// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { SaslAuthenticateRequest, SaslAuthenticateResponse } from "./types.gen.js";

export function decodeSaslAuthenticateRequestV1(reader: Reader): SaslAuthenticateRequest {
  const authBytes = reader.readBytes();
  return { authBytes };
}

export function encodeSaslAuthenticateRequestV1(writer: Writer, value: SaslAuthenticateRequest): void {
  writer.writeBytes(value.authBytes);
}

export function decodeSaslAuthenticateResponseV1(reader: Reader): SaslAuthenticateResponse {
  const errorCode = reader.readInt16();
  const errorMessage = reader.readNullableString();
  const authBytes = reader.readBytes();
  const sessionLifetimeMs = reader.readInt64();
  return { errorCode, errorMessage, authBytes, sessionLifetimeMs };
}

export function encodeSaslAuthenticateResponseV1(writer: Writer, value: SaslAuthenticateResponse): void {
  writer.writeInt16(value.errorCode);
  writer.writeNullableString(value.errorMessage);
  writer.writeBytes(value.authBytes);
  writer.writeInt64(value.sessionLifetimeMs);
}
