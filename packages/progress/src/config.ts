import { HelixError, limits } from "@helixlog/core";

/** Settings of a progress state machine; every group starts with these until ConfigureGroup changes them. */
export interface ProgressConfig {
  /** A record is dead-lettered when a lease holding it for this many deliveries ends without an ack. */
  readonly deadLetterAfterDeliveries: number;
}

/**
 * Ten deliveries: enough to ride out a few consumer crashes and transient failures, few enough that a
 * poison record stops blocking the low watermark within minutes at typical lease durations.
 */
export const defaultProgressConfig: ProgressConfig = { deadLetterAfterDeliveries: 10 };

/** Throws INVALID_CONFIG naming the first setting out of range. */
export function validateProgressConfig(config: ProgressConfig): ProgressConfig {
  if (!isDeliveryLimit(config.deadLetterAfterDeliveries)) {
    throw new HelixError(
      "INVALID_CONFIG",
      `deadLetterAfterDeliveries must be an integer in [1, ${limits.progressDeliveriesMax}], got ${config.deadLetterAfterDeliveries}`,
    );
  }
  return config;
}

export function isDeliveryLimit(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= limits.progressDeliveriesMax;
}
