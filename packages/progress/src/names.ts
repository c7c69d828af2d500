import { type Brand, HelixError, limits } from "@helixlog/core";

/**
 * Names of consumer-side things. A consumer group id is Kafka's `group.id` (a string chosen by users), not
 * the numeric Raft `GroupId` of core; a member id names one consumer instance inside a group.
 */

/** A consumer group: Kafka's `group.id`. */
export type ConsumerGroupId = Brand<string, "ConsumerGroupId">;
/** One consumer instance of a group (Kafka's member id, or any stable consumer name). */
export type MemberId = Brand<string, "MemberId">;
/**
 * The fencing token of a lease: per (group, partition), it grows on every grant and is never reused, so
 * a holder whose lease was replaced carries an epoch that can never match again.
 */
export type LeaseEpoch = Brand<number, "LeaseEpoch">;

function checkName(kind: string, value: string): void {
  if (value.length === 0 || value.length > limits.progressNameLengthMax) {
    throw new HelixError(
      "INVALID_ARGUMENT",
      `${kind} must have 1 to ${limits.progressNameLengthMax} characters, got ${value.length}`,
    );
  }
}

/** Brands a consumer group id at the edge (decoders); rejects empty and overlong ids. */
export function consumerGroupId(value: string): ConsumerGroupId {
  checkName("consumer group id", value);
  return value as ConsumerGroupId;
}

/** Brands a member id at the edge (decoders); rejects empty and overlong ids. */
export function memberId(value: string): MemberId {
  checkName("member id", value);
  return value as MemberId;
}

/** Brands a lease epoch at the edge (decoders). */
export function leaseEpoch(value: number): LeaseEpoch {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new HelixError("INVALID_ARGUMENT", `lease epoch must be a positive integer, got ${value}`);
  }
  return value as LeaseEpoch;
}
