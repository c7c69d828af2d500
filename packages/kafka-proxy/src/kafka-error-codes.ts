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
  groupMaxSizeReached: 81,
  fencedInstanceId: 82,
  unknownTopicId: 100,
} as const;
