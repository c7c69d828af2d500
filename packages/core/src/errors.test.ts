/**
 * The error vocabulary: codes map to gRPC and Kafka wire codes, retriability is per code, and
 * isInstance recognises errors from another copy of the package (the global symbol, not the class).
 */
import { describe, expect, it } from "vitest";
import { errorCodes, grpcStatus, HelixError, kafkaErrorCode } from "./errors.js";

describe("HelixError", () => {
  it("carries code, retriability, wire codes, details and cause", () => {
    const cause = new Error("socket closed");
    const error = new HelixError("NOT_LEADER", "node 2 leads group 7", { cause, details: { leader: 2 } });
    expect(error.code).toBe("NOT_LEADER");
    expect(error.retriable).toBe(true);
    expect(error.grpcStatus).toBe(grpcStatus.UNAVAILABLE);
    expect(error.kafkaErrorCode).toBe(kafkaErrorCode.NOT_LEADER_OR_FOLLOWER);
    expect(error.details).toEqual({ leader: 2 });
    expect(error.cause).toBe(cause);
    expect(new HelixError("INVALID_ARGUMENT", "bad").retriable).toBe(false);
  });

  it("is recognised across package copies by its marker", () => {
    const marker = Symbol.for("@helixlog/core/HelixError");
    const foreign = Object.assign(new Error("from another copy"), { [marker]: true, code: "TIMEOUT" });
    expect(HelixError.isInstance(foreign)).toBe(true);
    expect(HelixError.isInstance(new Error("plain"))).toBe(false);
    expect(HelixError.isInstance(null)).toBe(false);
    expect(HelixError.is(new HelixError("TIMEOUT", "slow"), "TIMEOUT")).toBe(true);
    expect(HelixError.is(new HelixError("TIMEOUT", "slow"), "INTERNAL")).toBe(false);
  });

  it("maps every code to a known gRPC status and Kafka error code", () => {
    for (const [code, spec] of Object.entries(errorCodes)) {
      expect(grpcStatus[spec.grpc], code).toBeTypeOf("number");
      expect(kafkaErrorCode[spec.kafka], code).toBeTypeOf("number");
    }
  });

  it("keeps the append-only order of the first codes", () => {
    // The order is part of the contract (wire tables may index it); new codes go at the end.
    expect(Object.keys(errorCodes).slice(0, 5)).toEqual([
      "INVALID_ARGUMENT",
      "UNKNOWN_TOPIC",
      "UNKNOWN_PARTITION",
      "ALREADY_EXISTS",
      "NOT_LEADER",
    ]);
  });
});
