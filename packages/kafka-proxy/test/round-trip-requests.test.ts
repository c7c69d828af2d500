/**
 * Round-trip property tests over every REQUEST (and header/embedded) message and every version in the
 * schemas: for random valid messages (built from the schema, not from the generated code),
 * decode(encode(x)) deep-equals x, consumes every byte, and re-encodes to the same bytes. Flexible
 * versions carry random unknown tagged fields, which must survive the round trip in place. Responses
 * are in round-trip-responses.test.ts (split so the two files run in parallel).
 */
import { describe, expect, it } from "vitest";
import { codecs, describeRoundTrips, messageSchemas } from "./support/round-trip.js";
import { versionsOf } from "./support/schema-arbitrary.js";

describe("every schema has generated codecs", () => {
  it("covers every message and version", () => {
    for (const message of messageSchemas) {
      const codec = codecs.get(message.name);
      expect(codec, message.name).toBeDefined();
      for (const version of versionsOf(message)) {
        expect(codec!.decode[version], `${message.name} v${version}`).toBeTypeOf("function");
        expect(codec!.encode[version], `${message.name} v${version}`).toBeTypeOf("function");
      }
    }
  });
});

describeRoundTrips(messageSchemas.filter((message) => message.type !== "response"));
