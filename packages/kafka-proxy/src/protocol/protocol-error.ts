/**
 * The typed errors of the codec layer. Bad bytes from a client are never asserted on: the reader raises
 * a ProtocolDecodeError, and the connection handler answers it (usually by closing the connection, as
 * Kafka does for a request it cannot parse). The server maps these onto core's HelixError vocabulary at
 * its edge; the codec layer stays free of our other packages (see README).
 */

/** Why a frame could not be decoded. Append-only. */
export type DecodeFailure =
  | "truncated"
  | "length-out-of-bounds"
  | "invalid-value"
  | "trailing-bytes"
  | "frame-too-large"
  | "unsupported-api";

const decodeErrorBrand = Symbol.for("@helixlog/kafka-proxy/ProtocolDecodeError");

export class ProtocolDecodeError extends Error {
  override readonly name = "ProtocolDecodeError";
  readonly failure: DecodeFailure;
  /** Byte position in the frame where decoding failed. */
  readonly position: number;

  constructor(failure: DecodeFailure, message: string, position: number) {
    super(`${message} (at byte ${position})`);
    this.failure = failure;
    this.position = position;
    Object.defineProperty(this, decodeErrorBrand, { value: true });
  }

  /** Works across duplicated copies of this package, unlike `instanceof`. */
  static isInstance(value: unknown): value is ProtocolDecodeError {
    return typeof value === "object" && value !== null && decodeErrorBrand in value;
  }
}

/**
 * Raised by encoders when our own code hands them a value the chosen version cannot carry (null in a
 * non-nullable field, a malformed UUID). It signals a bug on our side, not bad client input.
 */
export class ProtocolEncodeError extends Error {
  override readonly name = "ProtocolEncodeError";
}
