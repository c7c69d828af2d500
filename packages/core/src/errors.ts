/**
 * One error vocabulary for the whole system. Every error that crosses a package boundary or reaches a
 * client is a HelixError with a code from the closed list below. Assertions (our bugs) are separate: see
 * assert.ts.
 *
 * The table is APPEND-ONLY: codes are never renamed, removed or reordered, and their wire mappings never
 * change, because clients and stored data may depend on them.
 */

/** gRPC status codes (https://grpc.github.io/grpc/core/md_doc_statuscodes.html). */
export const grpcStatus = {
  OK: 0,
  CANCELLED: 1,
  UNKNOWN: 2,
  INVALID_ARGUMENT: 3,
  DEADLINE_EXCEEDED: 4,
  NOT_FOUND: 5,
  ALREADY_EXISTS: 6,
  PERMISSION_DENIED: 7,
  RESOURCE_EXHAUSTED: 8,
  FAILED_PRECONDITION: 9,
  ABORTED: 10,
  OUT_OF_RANGE: 11,
  UNIMPLEMENTED: 12,
  INTERNAL: 13,
  UNAVAILABLE: 14,
  DATA_LOSS: 15,
  UNAUTHENTICATED: 16,
} as const;

/** The Kafka error codes Helix produces (org.apache.kafka.common.protocol.Errors). */
export const kafkaErrorCode = {
  UNKNOWN_SERVER_ERROR: -1,
  NONE: 0,
  OFFSET_OUT_OF_RANGE: 1,
  CORRUPT_MESSAGE: 2,
  UNKNOWN_TOPIC_OR_PARTITION: 3,
  LEADER_NOT_AVAILABLE: 5,
  NOT_LEADER_OR_FOLLOWER: 6,
  REQUEST_TIMED_OUT: 7,
  BROKER_NOT_AVAILABLE: 8,
  MESSAGE_TOO_LARGE: 10,
  NOT_ENOUGH_REPLICAS: 19,
  UNSUPPORTED_VERSION: 35,
  TOPIC_ALREADY_EXISTS: 36,
  INVALID_PARTITIONS: 37,
  INVALID_REPLICATION_FACTOR: 38,
  INVALID_CONFIG: 40,
  INVALID_REQUEST: 42,
  POLICY_VIOLATION: 44,
  OUT_OF_ORDER_SEQUENCE_NUMBER: 45,
  DUPLICATE_SEQUENCE_NUMBER: 46,
  INVALID_PRODUCER_EPOCH: 47,
  KAFKA_STORAGE_ERROR: 56,
  UNKNOWN_PRODUCER_ID: 59,
  GROUP_ID_NOT_FOUND: 69,
  INVALID_RECORD: 87,
  THROTTLING_QUOTA_EXCEEDED: 89,
} as const;

type GrpcStatusName = keyof typeof grpcStatus;
type KafkaErrorName = keyof typeof kafkaErrorCode;

interface ErrorCodeSpec {
  /** A retriable error may succeed if the same request is sent again later (possibly elsewhere). */
  readonly retriable: boolean;
  readonly grpc: GrpcStatusName;
  readonly kafka: KafkaErrorName;
}

/** APPEND-ONLY. Add new codes at the end. */
export const errorCodes = {
  /** The caller sent something malformed or out of range. */
  INVALID_ARGUMENT: { retriable: false, grpc: "INVALID_ARGUMENT", kafka: "INVALID_REQUEST" },
  UNKNOWN_TOPIC: { retriable: false, grpc: "NOT_FOUND", kafka: "UNKNOWN_TOPIC_OR_PARTITION" },
  UNKNOWN_PARTITION: { retriable: false, grpc: "NOT_FOUND", kafka: "UNKNOWN_TOPIC_OR_PARTITION" },
  ALREADY_EXISTS: { retriable: false, grpc: "ALREADY_EXISTS", kafka: "TOPIC_ALREADY_EXISTS" },
  /** This node does not lead the group; the error carries the leader hint when one is known. */
  NOT_LEADER: { retriable: true, grpc: "UNAVAILABLE", kafka: "NOT_LEADER_OR_FOLLOWER" },
  LEADER_NOT_AVAILABLE: { retriable: true, grpc: "UNAVAILABLE", kafka: "LEADER_NOT_AVAILABLE" },
  NOT_ENOUGH_REPLICAS: { retriable: true, grpc: "UNAVAILABLE", kafka: "NOT_ENOUGH_REPLICAS" },
  TIMEOUT: { retriable: true, grpc: "DEADLINE_EXCEEDED", kafka: "REQUEST_TIMED_OUT" },
  /** A peer, store or the node itself cannot serve right now (shutting down, unreachable). */
  UNAVAILABLE: { retriable: true, grpc: "UNAVAILABLE", kafka: "BROKER_NOT_AVAILABLE" },
  /** A quota or a bounded queue is full; retry after the delay the error carries. */
  RESOURCE_EXHAUSTED: { retriable: true, grpc: "RESOURCE_EXHAUSTED", kafka: "THROTTLING_QUOTA_EXCEEDED" },
  OFFSET_OUT_OF_RANGE: { retriable: false, grpc: "OUT_OF_RANGE", kafka: "OFFSET_OUT_OF_RANGE" },
  RECORD_TOO_LARGE: { retriable: false, grpc: "INVALID_ARGUMENT", kafka: "MESSAGE_TOO_LARGE" },
  /** A client's record batch failed its CRC or structural checks. */
  CORRUPT_RECORD: { retriable: false, grpc: "INVALID_ARGUMENT", kafka: "CORRUPT_MESSAGE" },
  /** A record batch is well-formed but breaks a rule (bad magic, offsets, timestamps). */
  INVALID_RECORD: { retriable: false, grpc: "INVALID_ARGUMENT", kafka: "INVALID_RECORD" },
  /** Data we stored failed validation on read: a hard error, never skipped. */
  CORRUPT_DATA: { retriable: false, grpc: "DATA_LOSS", kafka: "KAFKA_STORAGE_ERROR" },
  DISK_FULL: { retriable: true, grpc: "RESOURCE_EXHAUSTED", kafka: "KAFKA_STORAGE_ERROR" },
  IO_ERROR: { retriable: false, grpc: "INTERNAL", kafka: "KAFKA_STORAGE_ERROR" },
  /** A request carried a stale epoch (producer epoch, lease epoch, leader epoch). */
  FENCED: { retriable: false, grpc: "FAILED_PRECONDITION", kafka: "INVALID_PRODUCER_EPOCH" },
  OUT_OF_ORDER_SEQUENCE: {
    retriable: false,
    grpc: "FAILED_PRECONDITION",
    kafka: "OUT_OF_ORDER_SEQUENCE_NUMBER",
  },
  DUPLICATE_SEQUENCE: { retriable: false, grpc: "ALREADY_EXISTS", kafka: "DUPLICATE_SEQUENCE_NUMBER" },
  UNKNOWN_PRODUCER_ID: { retriable: false, grpc: "FAILED_PRECONDITION", kafka: "UNKNOWN_PRODUCER_ID" },
  UNSUPPORTED_VERSION: { retriable: false, grpc: "UNIMPLEMENTED", kafka: "UNSUPPORTED_VERSION" },
  INVALID_CONFIG: { retriable: false, grpc: "INVALID_ARGUMENT", kafka: "INVALID_CONFIG" },
  INVALID_PARTITIONS: { retriable: false, grpc: "INVALID_ARGUMENT", kafka: "INVALID_PARTITIONS" },
  INVALID_REPLICATION_FACTOR: {
    retriable: false,
    grpc: "INVALID_ARGUMENT",
    kafka: "INVALID_REPLICATION_FACTOR",
  },
  POLICY_VIOLATION: { retriable: false, grpc: "FAILED_PRECONDITION", kafka: "POLICY_VIOLATION" },
  /** Raft dropped a proposal (leadership changed, or the group is being removed) before it committed. */
  PROPOSAL_DROPPED: { retriable: true, grpc: "UNAVAILABLE", kafka: "NOT_LEADER_OR_FOLLOWER" },
  UNKNOWN_GROUP: { retriable: false, grpc: "NOT_FOUND", kafka: "GROUP_ID_NOT_FOUND" },
  CANCELLED: { retriable: false, grpc: "CANCELLED", kafka: "UNKNOWN_SERVER_ERROR" },
  INTERNAL: { retriable: false, grpc: "INTERNAL", kafka: "UNKNOWN_SERVER_ERROR" },
  /** A named thing (object, key, lease, file) does not exist. */
  NOT_FOUND: { retriable: false, grpc: "NOT_FOUND", kafka: "UNKNOWN_SERVER_ERROR" },
  /**
   * The target is held by someone else right now (a partition leased exclusively by another member, a
   * group with live leases or members); retry once it is released or has expired.
   */
  CONFLICT: { retriable: true, grpc: "ABORTED", kafka: "UNKNOWN_SERVER_ERROR" },
} as const satisfies Record<string, ErrorCodeSpec>;

export type ErrorCode = keyof typeof errorCodes;

const helixErrorMarker = Symbol.for("@helixlog/core/HelixError");

export interface HelixErrorOptions {
  readonly cause?: unknown;
  /** Structured details a client can act on (a leader hint, a retry delay). */
  readonly details?: Readonly<Record<string, unknown>>;
}

export class HelixError extends Error {
  override readonly name = "HelixError";
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, options: HelixErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.details = options.details ?? {};
    Object.defineProperty(this, helixErrorMarker, { value: true });
  }

  get retriable(): boolean {
    return errorCodes[this.code].retriable;
  }

  get grpcStatus(): number {
    return grpcStatus[errorCodes[this.code].grpc];
  }

  get kafkaErrorCode(): number {
    return kafkaErrorCode[errorCodes[this.code].kafka];
  }

  /**
   * True for a HelixError from any copy of this package. `instanceof` fails when two versions of
   * @helixlog/core are installed side by side; the global symbol does not.
   */
  static isInstance(value: unknown): value is HelixError {
    return (
      typeof value === "object" &&
      value !== null &&
      (value as Record<symbol, unknown>)[helixErrorMarker] === true
    );
  }

  /** True when `value` is a HelixError with the given code. */
  static is(value: unknown, code: ErrorCode): value is HelixError {
    return HelixError.isInstance(value) && value.code === code;
  }
}

export function isErrorCode(value: string): value is ErrorCode {
  return Object.hasOwn(errorCodes, value);
}
