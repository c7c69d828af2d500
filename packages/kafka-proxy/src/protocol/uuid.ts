import { ProtocolEncodeError } from "./protocol-error.js";

/**
 * UUIDs (topic ids, directory ids) are represented as strings in the canonical lowercase 8-4-4-4-12 hex
 * form, which reads well in logs and compares with `===`. On the wire they are 16 bytes: the most
 * significant 64 bits, then the least significant 64 bits, which is the same byte order as the text.
 * Note that Kafka's own tools print UUIDs in URL-safe base64, not in this form.
 */
export const zeroUuid = "00000000-0000-0000-0000-000000000000";

const hexByByte: string[] = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, "0"));
const canonicalUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function uuidFromBytes(bytes: Uint8Array, start: number): string {
  let text = "";
  for (let index = 0; index < 16; index++) {
    if (index === 4 || index === 6 || index === 8 || index === 10) text += "-";
    text += hexByByte[bytes[start + index]!];
  }
  return text;
}

/** Writes the 16 bytes of a canonical UUID string at `start`. */
export function uuidToBytes(uuid: string, bytes: Uint8Array, start: number): void {
  if (!canonicalUuid.test(uuid)) throw new ProtocolEncodeError(`not a canonical lowercase UUID: ${uuid}`);
  let position = start;
  for (let index = 0; index < uuid.length; index += 2) {
    if (uuid.charCodeAt(index) === 45 /* "-" */) index++;
    bytes[position++] = Number.parseInt(uuid.slice(index, index + 2), 16);
  }
}
