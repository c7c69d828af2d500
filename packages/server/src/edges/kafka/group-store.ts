/**
 * Consumer-group offsets and classic group metadata for the Kafka listener, kept in the controller
 * group's replicated KV store (HelixNode.proposeKv) until the progress groups of issue 9 hold them
 * (DESIGN.md §2 names those as the intended home). Two keys per group:
 *   - `group/<id>/offsets`: every committed offset of the group, as one JSON document;
 *   - `group/<id>/metadata`: the coordinator's StoredGroup (member metadata and assignments in base64).
 * One document per group rather than one key per partition because KvState has no prefix scan, and
 * OffsetFetch with no partitions must list everything a group has.
 *
 * Writes go through the controller leader only (the coordinator of every group, see findCoordinator):
 * elsewhere they reject with NOT_LEADER. Read-modify-write of a group's offsets is serialized per group
 * on this node, and the previous write is applied before the next one reads, so no commit is lost.
 */
import type { CommittedOffset, StoredGroup, TopicPartition } from "@helixlog/kafka-proxy";
import type { HelixNode } from "../../node/helix-node.js";

/** topic → partition → [offset as decimal text, leader epoch, metadata]. */
type OffsetDocument = Record<string, Record<string, [string, number, string | null]>>;

interface StoredGroupDocument extends Omit<StoredGroup, "members"> {
  readonly members: readonly (Omit<StoredGroup["members"][number], "metadata" | "assignment"> & {
    readonly metadata: string;
    readonly assignment: string;
  })[];
}

export class GroupStore {
  /** The tail of each group's chain of writes; an entry is removed when its chain drains. */
  private readonly writing = new Map<string, Promise<void>>();

  constructor(private readonly node: HelixNode) {}

  commitOffsets(groupId: string, offsets: readonly CommittedOffset[]): Promise<void> {
    return this.serialized(groupId, async () => {
      const document = this.readOffsets(groupId);
      for (const offset of offsets) {
        const forTopic = document[offset.topic] ?? {};
        forTopic[String(offset.partition)] = [offset.offset.toString(), offset.leaderEpoch, offset.metadata];
        document[offset.topic] = forTopic;
      }
      await this.node.proposeKv([{ type: "put", key: offsetsKey(groupId), value: encodeJson(document) }]);
    });
  }

  fetchOffsets(groupId: string, partitions: readonly TopicPartition[] | null): CommittedOffset[] {
    const document = this.readOffsets(groupId);
    const all: CommittedOffset[] = Object.entries(document).flatMap(([topic, forTopic]) =>
      Object.entries(forTopic).map(([partition, [offset, leaderEpoch, metadata]]) => ({
        topic,
        partition: Number(partition),
        offset: BigInt(offset),
        leaderEpoch,
        metadata,
      })),
    );
    if (partitions === null) return all;
    return all.filter((offset) =>
      partitions.some((wanted) => wanted.topic === offset.topic && wanted.partition === offset.partition),
    );
  }

  storeGroup(group: StoredGroup): Promise<void> {
    const document: StoredGroupDocument = {
      ...group,
      members: group.members.map((member) => ({
        ...member,
        metadata: Buffer.from(member.metadata).toString("base64"),
        assignment: Buffer.from(member.assignment).toString("base64"),
      })),
    };
    return this.serialized(group.groupId, () =>
      this.node.proposeKv([{ type: "put", key: metadataKey(group.groupId), value: encodeJson(document) }]),
    );
  }

  loadGroup(groupId: string): StoredGroup | undefined {
    const stored = this.node.kvGet(metadataKey(groupId));
    if (stored === undefined) return undefined;
    const document = decodeJson(stored.value) as StoredGroupDocument;
    return {
      ...document,
      members: document.members.map((member) => ({
        ...member,
        metadata: new Uint8Array(Buffer.from(member.metadata, "base64")),
        assignment: new Uint8Array(Buffer.from(member.assignment, "base64")),
      })),
    };
  }

  deleteGroup(groupId: string): Promise<void> {
    return this.serialized(groupId, () =>
      this.node.proposeKv([
        { type: "delete", key: metadataKey(groupId) },
        { type: "delete", key: offsetsKey(groupId) },
      ]),
    );
  }

  private readOffsets(groupId: string): OffsetDocument {
    const stored = this.node.kvGet(offsetsKey(groupId));
    return stored === undefined ? {} : (decodeJson(stored.value) as OffsetDocument);
  }

  /** Runs `write` after every earlier write of the same group has settled. */
  private serialized(groupId: string, write: () => Promise<void>): Promise<void> {
    const previous = this.writing.get(groupId) ?? Promise.resolve();
    const next = previous.then(write, write);
    const tail = next.catch(() => {});
    this.writing.set(groupId, tail);
    void tail.then(() => {
      if (this.writing.get(groupId) === tail) this.writing.delete(groupId);
    });
    return next;
  }
}

function offsetsKey(groupId: string): string {
  return `group/${groupId}/offsets`;
}

function metadataKey(groupId: string): string {
  return `group/${groupId}/metadata`;
}

function encodeJson(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

function decodeJson(bytes: Uint8Array): unknown {
  return JSON.parse(new TextDecoder().decode(bytes));
}
