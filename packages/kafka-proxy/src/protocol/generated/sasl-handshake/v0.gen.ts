// GENERATED FILE: DO NOT EDIT BY HAND. Regenerate with `npx tsx packages/kafka-proxy/scripts/generate.ts`.
// Generated from Apache Kafka's message schemas (clients/src/main/resources/common/message/), which are
// licensed under the Apache License, Version 2.0. See NOTICE and LICENSE-kafka-schemas in this package.

import type { Reader } from "../../reader.js";
import type { Writer } from "../../writer.js";
import type { SaslHandshakeRequest, SaslHandshakeResponse } from "./types.gen.js";

export function decodeSaslHandshakeRequestV0(reader: Reader): SaslHandshakeRequest {
  const mechanism = reader.readString();
  return { mechanism };
}

export function encodeSaslHandshakeRequestV0(writer: Writer, value: SaslHandshakeRequest): void {
  writer.writeString(value.mechanism);
}

export function decodeSaslHandshakeResponseV0(reader: Reader): SaslHandshakeResponse {
  const errorCode = reader.readInt16();
  const length1 = reader.readArrayLengthNotNull(2, false);
  const items2: string[] = [];
  for (let index = 0; index < length1; index++) items2.push(reader.readString());
  const mechanisms = items2;
  return { errorCode, mechanisms };
}

export function encodeSaslHandshakeResponseV0(writer: Writer, value: SaslHandshakeResponse): void {
  writer.writeInt16(value.errorCode);
  const items1 = value.mechanisms;
  writer.writeArrayLength(items1.length, false);
  for (let index = 0; index < items1.length; index++) {
    writer.writeString(items1[index]!);
  }
}
