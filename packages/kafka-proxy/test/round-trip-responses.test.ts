/**
 * Round-trip property tests over every RESPONSE message and every version in the schemas; see
 * round-trip-requests.test.ts for the property.
 */
import { describeRoundTrips, messageSchemas } from "./support/round-trip.js";

describeRoundTrips(messageSchemas.filter((message) => message.type === "response"));
