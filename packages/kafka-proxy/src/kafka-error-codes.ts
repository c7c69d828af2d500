/**
 * Kafka wire error codes the protocol edge answers itself (org.apache.kafka.common.protocol.Errors).
 * Core's `kafkaErrorCode` covers what backend HelixErrors map to; these are the group coordinator's and
 * the broker's own answers, which have no HelixError counterpart. Append-only.
 */
export const wireErrorCode = {
  unknownServerError: -1,
  none: 0,
  unknownTopicOrPartition: 3,
  leaderNotAvailable: 5,
  coordinatorNotAvailable: 15,
  notCoordinator: 16,
  invalidTopicException: 17,
  illegalGeneration: 22,
  inconsistentGroupProtocol: 23,
  invalidGroupId: 24,
  unknownMemberId: 25,
  invalidSessionTimeout: 26,
  rebalanceInProgress: 27,
  unsupportedVersion: 35,
  invalidRequest: 42,
  nonEmptyGroup: 68,
  groupIdNotFound: 69,
  memberIdRequired: 79,
  fencedLeaderEpoch: 74,
  unknownLeaderEpoch: 76,
  groupMaxSizeReached: 81,
  fencedInstanceId: 82,
  unknownTopicId: 100,
} as const;

/**
 * A failure the backend answers with a Kafka wire code that has no HelixError counterpart (the group
 * coordinator's NOT_COORDINATOR and COORDINATOR_NOT_AVAILABLE): an answer to the client, not our bug.
 */
export class KafkaWireError extends Error {
  readonly isKafkaWireError = true;

  constructor(
    readonly errorCode: number,
    message: string,
  ) {
    super(message);
    this.name = "KafkaWireError";
  }

  /** Works across duplicated copies of this package (instanceof would not). */
  static isInstance(error: unknown): error is KafkaWireError {
    return (
      typeof error === "object" &&
      error !== null &&
      (error as { isKafkaWireError?: unknown }).isKafkaWireError === true &&
      typeof (error as { errorCode?: unknown }).errorCode === "number"
    );
  }
}
