import { consumerProtocolAssignmentMessage } from "../protocol/generated/consumer-protocol-assignment/index.gen.js";
import type { ConsumerProtocolAssignment } from "../protocol/generated/consumer-protocol-assignment/types.gen.js";
import { consumerProtocolSubscriptionMessage } from "../protocol/generated/consumer-protocol-subscription/index.gen.js";
import type { ConsumerProtocolSubscription } from "../protocol/generated/consumer-protocol-subscription/types.gen.js";
import type { GeneratedMessage } from "../protocol/generated-support.js";
import { ProtocolDecodeError } from "../protocol/protocol-error.js";
import { Reader } from "../protocol/reader.js";
import { Writer } from "../protocol/writer.js";

/**
 * The "consumer" embedded protocol carried in JoinGroup `Protocols[].Metadata` and SyncGroup
 * `Assignment` bytes: an int16 version, then the struct in that version
 * (MessageUtil.toVersionPrefixedByteBuffer). A version newer than we know is read with our newest
 * version, as Kafka does: newer versions only append fields, which we then ignore.
 */
export interface VersionPrefixed<Message> {
  readonly version: number;
  readonly value: Message;
}

function decodeVersionPrefixed<Message>(
  codec: GeneratedMessage<Message>,
  bytes: Uint8Array,
): VersionPrefixed<Message> {
  const reader = new Reader(bytes);
  const version = reader.readInt16();
  if (version < 0)
    throw new ProtocolDecodeError("invalid-value", `negative ${codec.name} version ${version}`, 0);
  const decode = codec.decode[Math.min(version, codec.maxVersion)]!;
  const value = decode(reader);
  // Trailing bytes are expected from a newer version; from a known version they mean corruption.
  if (version <= codec.maxVersion) reader.expectEnd();
  return { version, value };
}

function encodeVersionPrefixed<Message>(
  codec: GeneratedMessage<Message>,
  version: number,
  value: Message,
): Uint8Array {
  const encode = codec.encode[version];
  if (encode === undefined) throw new RangeError(`no ${codec.name} codec for version ${version}`);
  const writer = new Writer();
  writer.writeInt16(version);
  encode(writer, value);
  return writer.finish();
}

export function decodeConsumerSubscription(bytes: Uint8Array): VersionPrefixed<ConsumerProtocolSubscription> {
  return decodeVersionPrefixed(consumerProtocolSubscriptionMessage, bytes);
}

export function encodeConsumerSubscription(version: number, value: ConsumerProtocolSubscription): Uint8Array {
  return encodeVersionPrefixed(consumerProtocolSubscriptionMessage, version, value);
}

export function decodeConsumerAssignment(bytes: Uint8Array): VersionPrefixed<ConsumerProtocolAssignment> {
  return decodeVersionPrefixed(consumerProtocolAssignmentMessage, bytes);
}

export function encodeConsumerAssignment(version: number, value: ConsumerProtocolAssignment): Uint8Array {
  return encodeVersionPrefixed(consumerProtocolAssignmentMessage, version, value);
}
