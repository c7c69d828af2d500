import { ProtocolEncodeError } from "./protocol-error.js";
import type { Reader } from "./reader.js";
import type { TaggedField } from "./tagged-field.js";
import type { Writer } from "./writer.js";

/**
 * Small helpers the generated codecs call. Kept out of the generated files so that those stay plain
 * straight-line code.
 */

/** Shared by decoders for absent bytes fields; a zero-length array has no contents to mutate. */
export const emptyBytes: Uint8Array = new Uint8Array(0);

/**
 * Our types allow null wherever some version allows it; a version that does not must refuse it. This is
 * an encoder-side check of our own values, so it raises ProtocolEncodeError.
 */
export function requireNotNull<T>(value: T | null, field: string): T {
  if (value === null) throw new ProtocolEncodeError(`${field} must not be null in this version`);
  return value;
}

/** Writes a tagged-field section that holds only unknown (preserved) fields: the common case. */
export function writeUnknownTaggedFieldsOnly(
  writer: Writer,
  fields: readonly TaggedField[] | undefined,
): void {
  if (fields === undefined) {
    writer.writeUnsignedVarint(0);
    return;
  }
  writer.writeUnsignedVarint(fields.length);
  writer.writeUnknownTaggedFields(fields, 0, Number.POSITIVE_INFINITY);
}

/** Reads a tagged-field section in which this version knows no tags. */
export function readUnknownTaggedFieldsOnly(reader: Reader): TaggedField[] | undefined {
  const count = reader.readTaggedFieldCount();
  if (count === 0) return undefined;
  const fields: TaggedField[] = [];
  let previousTag = -1;
  for (let index = 0; index < count; index++) {
    const tag = reader.readTag(previousTag);
    previousTag = tag;
    const end = reader.readTaggedFieldEnd();
    fields.push(reader.readUnknownTaggedField(tag, end));
  }
  return fields;
}

/** One encode or decode function per version, indexed by version. */
export interface GeneratedMessage<Message> {
  readonly name: string;
  readonly minVersion: number;
  readonly maxVersion: number;
  /** First version using compact encodings and tagged fields (KIP-482); null if none does. */
  readonly firstFlexibleVersion: number | null;
  readonly decode: readonly ((reader: Reader) => Message)[];
  readonly encode: readonly ((writer: Writer, value: Message) => void)[];
}

/** The codecs of one API (a request and its response), as generated from Kafka's schemas. */
export interface GeneratedApi<Request, Response> {
  readonly apiKey: number;
  readonly name: string;
  readonly minVersion: number;
  readonly maxVersion: number;
  readonly firstFlexibleVersion: number | null;
  /** Kafka does not advertise the highest version by default (`unstable.api.versions.enable`). */
  readonly latestVersionUnstable: boolean;
  readonly request: GeneratedMessage<Request>;
  readonly response: GeneratedMessage<Response>;
}
