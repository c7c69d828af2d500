/**
 * A tagged field this code does not know (KIP-482). It is kept as raw bytes so that a decoded message
 * re-encodes byte for byte, and so a proxy can pass through fields added by newer clients.
 */
export interface TaggedField {
  readonly tag: number;
  /** The field's value exactly as on the wire, without the tag and size prefixes. */
  readonly data: Uint8Array;
}
