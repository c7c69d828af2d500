import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as generated from "../../src/protocol/generated/index.gen.js";
import type { GeneratedMessage } from "../../src/protocol/generated-support.js";
import { Reader } from "../../src/protocol/reader.js";
import { Writer } from "../../src/protocol/writer.js";
import { arbitraryMessage, type MessageSchema, messageSchemas, versionsOf } from "./schema-arbitrary.js";

/** Every generated message descriptor (`<message>Message`) by schema name. */
function messageCodecs(): Map<string, GeneratedMessage<unknown>> {
  const codecs = new Map<string, GeneratedMessage<unknown>>();
  for (const namespace of Object.values(generated)) {
    if (typeof namespace !== "object" || namespace === null || Array.isArray(namespace)) continue;
    for (const [name, value] of Object.entries(namespace)) {
      if (name.endsWith("Message")) {
        const codec = value as GeneratedMessage<unknown>;
        codecs.set(codec.name, codec);
      }
    }
  }
  return codecs;
}

export const codecs = messageCodecs();
const runsPerVersion = 12;

function encode(codec: GeneratedMessage<unknown>, version: number, value: unknown): Uint8Array {
  const writer = new Writer(16);
  codec.encode[version]!(writer, value);
  return writer.finish().slice();
}

/** Declares the round-trip property for every version of each of `messages`. */
export function describeRoundTrips(messages: readonly MessageSchema[]): void {
  describe.each(messages.map((message) => [message.name, message] as const))("%s", (name, message) => {
    it.each(versionsOf(message))("v%i round-trips", (version) => {
      const codec = codecs.get(name)!;
      fc.assert(
        fc.property(arbitraryMessage(message, version), (value) => {
          const bytes = encode(codec, version, value);
          const reader = new Reader(bytes);
          const decoded = codec.decode[version]!(reader);
          reader.expectEnd();
          expect(decoded).toEqual(value);
          expect(encode(codec, version, decoded)).toEqual(bytes);
        }),
        { numRuns: runsPerVersion },
      );
    });
  });
}

export { messageSchemas };
