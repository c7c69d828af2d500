import {
  assert,
  ByteReader,
  ByteWriter,
  crc32c,
  HelixError,
  limits,
  type Offset,
  offset,
  type Term,
  term,
} from "@helixlog/core";

/**
 * The manifest of one partition's tiered objects: a deterministic state machine replicated through the
 * partition's Raft log. Every replica applies the same committed commands in log order and so holds the
 * same manifest; a snapshot carries it across log compaction.
 *
 * Invariants (checked on every apply):
 *   - entries are ordered by `endOffset`, strictly increasing, and together cover every offset from the
 *     first entry's base to `tieredEndOffset` with no gap (an entry is accepted only if it starts at or
 *     below the covered end and extends past it; entries may overlap because replicas roll segments at
 *     different offsets);
 *   - an entry is only ever added for an object that was uploaded and verified (size and CRC32C read
 *     back with head) before the command was proposed: the manifest never names a partial object;
 *   - `fenceTerm` only grows, and a command stamped with an older term is rejected: once a new leader's
 *     fence is applied, nothing a deposed leader proposed can add an entry or move the log start, so the
 *     new leader may safely delete objects that are not in the manifest;
 *   - `logStartOffset` only grows; entries wholly below it are removed (retention) and returned to the
 *     caller, whose objects the leader then deletes.
 */
export interface ManifestEntry {
  readonly objectKey: string;
  readonly baseOffset: Offset;
  /** One past the last offset in the object (exclusive), like a high watermark. */
  readonly endOffset: Offset;
  readonly sizeBytes: number;
  readonly crc32c: number;
  /** The term of the leader that uploaded the object and proposed the entry. */
  readonly term: Term;
  readonly maxTimestampMs: number;
}

export type ManifestCommand =
  /** A new leader claims its term; proposed first in every term. */
  | { readonly type: "fence"; readonly term: Term }
  | { readonly type: "add"; readonly entry: ManifestEntry }
  /** Retention: offsets below `logStartOffset` are gone; entries wholly below it are removed. */
  | { readonly type: "advanceLogStart"; readonly term: Term; readonly logStartOffset: Offset };

export type ManifestRejection =
  | "stale-term"
  | "already-covered"
  | "not-contiguous"
  | "manifest-full"
  | "invalid-entry";

export type ManifestApplyResult =
  | { readonly accepted: true; readonly removed: readonly ManifestEntry[] }
  | { readonly accepted: false; readonly reason: ManifestRejection };

const snapshotMagic = 0x4854_4d46; // "HTMF"
const snapshotVersion = 1;
const commandVersion = 1;
const commandTypes = { fence: 1, add: 2, advanceLogStart: 3 } as const;

export class TierManifest {
  /** Ordered by endOffset, strictly increasing; contiguous coverage (see the class comment). */
  private readonly entryList: ManifestEntry[] = [];
  private readonly keys = new Set<string>();
  private fence: Term = term(0);
  private logStart: Offset = offset(0);
  /** The highest end offset ever added; survives retention removing the entries. */
  private tieredEnd: Offset = offset(0);

  get entries(): readonly ManifestEntry[] {
    return this.entryList;
  }
  get fenceTerm(): Term {
    return this.fence;
  }
  get logStartOffset(): Offset {
    return this.logStart;
  }
  /** One past the last tiered offset (0 before any upload). */
  get tieredEndOffset(): Offset {
    return this.tieredEnd;
  }
  /** Where the next entry must start at or below: everything before it is tiered or removed. */
  get coveredEndOffset(): Offset {
    return offset(Math.max(this.tieredEnd, this.logStart));
  }

  hasObject(objectKey: string): boolean {
    return this.keys.has(objectKey);
  }

  apply(command: ManifestCommand): ManifestApplyResult {
    switch (command.type) {
      case "fence":
        if (command.term < this.fence) return { accepted: false, reason: "stale-term" };
        this.fence = command.term;
        return { accepted: true, removed: [] };
      case "add":
        return this.applyAdd(command.entry);
      case "advanceLogStart":
        return this.applyAdvanceLogStart(command.term, command.logStartOffset);
    }
  }

  /** The entry to read `target` from, or undefined when it is not tiered (or below the log start). */
  find(target: Offset): ManifestEntry | undefined {
    if (target < this.logStart) return undefined;
    // The first entry ending after the target; contiguity guarantees it starts at or before the target.
    let low = 0;
    let high = this.entryList.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.entryList[middle] as ManifestEntry).endOffset <= target) low = middle + 1;
      else high = middle;
    }
    const entry = this.entryList[low];
    return entry !== undefined && entry.baseOffset <= target ? entry : undefined;
  }

  private applyAdd(entry: ManifestEntry): ManifestApplyResult {
    if (!isWellFormed(entry)) return { accepted: false, reason: "invalid-entry" };
    if (entry.term < this.fence) return { accepted: false, reason: "stale-term" };
    const covered = this.coveredEndOffset;
    if (entry.endOffset <= covered) return { accepted: false, reason: "already-covered" };
    if (entry.baseOffset > covered) return { accepted: false, reason: "not-contiguous" };
    if (this.entryList.length >= limits.tierManifestEntriesMax)
      return { accepted: false, reason: "manifest-full" };
    // An add implies its proposer's claim on the term, so an older leader cannot add after it either.
    this.fence = entry.term;
    this.entryList.push(entry);
    this.keys.add(entry.objectKey);
    this.tieredEnd = entry.endOffset;
    return { accepted: true, removed: [] };
  }

  private applyAdvanceLogStart(proposerTerm: Term, target: Offset): ManifestApplyResult {
    if (proposerTerm < this.fence) return { accepted: false, reason: "stale-term" };
    if (target <= this.logStart) return { accepted: true, removed: [] };
    this.logStart = target;
    let removeCount = 0;
    while (
      removeCount < this.entryList.length &&
      (this.entryList[removeCount] as ManifestEntry).endOffset <= target
    ) {
      removeCount++;
    }
    const removed = this.entryList.splice(0, removeCount);
    for (const entry of removed) this.keys.delete(entry.objectKey);
    return { accepted: true, removed };
  }

  /** A versioned, checksummed image of the manifest for Raft snapshots. */
  snapshot(): Uint8Array {
    const writer = new ByteWriter(64 + this.entryList.length * 128);
    writer.writeUint32(snapshotMagic);
    writer.writeInt16(snapshotVersion);
    writer.writeInt64(this.fence);
    writer.writeInt64(this.logStart);
    writer.writeInt64(this.tieredEnd);
    writer.writeUint32(this.entryList.length);
    for (const entry of this.entryList) writeEntry(writer, entry);
    writer.writeUint32(crc32c(writer.finish()));
    const bytes = writer.finish().slice();
    assert(bytes.length <= limits.tierManifestSnapshotBytesMax, "manifest snapshot exceeds its bound");
    return bytes;
  }

  /** Rebuilds a manifest from `snapshot()`; CORRUPT_DATA when the bytes fail any check. */
  static restore(bytes: Uint8Array): TierManifest {
    if (bytes.length < 4 || bytes.length > limits.tierManifestSnapshotBytesMax) {
      throw new HelixError("CORRUPT_DATA", `a manifest snapshot of ${bytes.length} bytes is out of bounds`);
    }
    const stored = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 4);
    if (crc32c(bytes, 0, 0, bytes.length - 4) !== stored) {
      throw new HelixError("CORRUPT_DATA", "manifest snapshot CRC32C mismatch");
    }
    const reader = new ByteReader(bytes, 0, bytes.length - 4, "CORRUPT_DATA");
    if (reader.readUint32() !== snapshotMagic) reader.fail("not a manifest snapshot (bad magic)");
    const version = reader.readInt16();
    if (version !== snapshotVersion) reader.fail(`unsupported manifest snapshot version ${version}`);
    const manifest = new TierManifest();
    manifest.fence = term(reader.readInt64());
    manifest.logStart = offset(reader.readInt64());
    manifest.tieredEnd = offset(reader.readInt64());
    const count = reader.readUint32();
    if (count > limits.tierManifestEntriesMax) reader.fail(`manifest snapshot claims ${count} entries`);
    for (let index = 0; index < count; index++) {
      const entry = readEntry(reader);
      const previous = manifest.entryList.at(-1);
      const problem =
        entry.term > manifest.fence
          ? "a term above the fence"
          : manifest.keys.has(entry.objectKey)
            ? "a duplicate object key"
            : previous !== undefined &&
                (entry.endOffset <= previous.endOffset || entry.baseOffset > previous.endOffset)
              ? "a gap or an out-of-order end offset"
              : entry.endOffset > manifest.tieredEnd
                ? "an end past the recorded tiered end"
                : undefined;
      if (problem !== undefined) reader.fail(`manifest snapshot entry ${index} has ${problem}`);
      manifest.entryList.push(entry);
      manifest.keys.add(entry.objectKey);
    }
    if (reader.remaining() !== 0) reader.fail("trailing bytes after the manifest entries");
    return manifest;
  }
}

function isWellFormed(entry: ManifestEntry): boolean {
  return (
    Number.isSafeInteger(entry.baseOffset) &&
    Number.isSafeInteger(entry.endOffset) &&
    entry.baseOffset >= 0 &&
    entry.baseOffset < entry.endOffset &&
    Number.isSafeInteger(entry.sizeBytes) &&
    entry.sizeBytes > 0 &&
    entry.sizeBytes <= limits.objectSizeBytesMax &&
    Number.isInteger(entry.crc32c) &&
    entry.crc32c >= 0 &&
    entry.crc32c <= 0xffffffff &&
    Number.isSafeInteger(entry.term) &&
    entry.term >= 0 &&
    Number.isSafeInteger(entry.maxTimestampMs) &&
    entry.objectKey.length > 0 &&
    entry.objectKey.length <= limits.objectKeyLengthBytesMax
  );
}

const encoder = new TextEncoder();
const decoder = new TextDecoder("utf-8", { fatal: true });

function writeEntry(writer: ByteWriter, entry: ManifestEntry): void {
  const key = encoder.encode(entry.objectKey);
  writer.writeInt16(key.length);
  writer.writeBytes(key);
  writer.writeInt64(entry.baseOffset);
  writer.writeInt64(entry.endOffset);
  writer.writeInt64(entry.sizeBytes);
  writer.writeUint32(entry.crc32c);
  writer.writeInt64(entry.term);
  writer.writeInt64(entry.maxTimestampMs);
}

function readEntry(reader: ByteReader): ManifestEntry {
  const keyLength = reader.readInt16();
  if (keyLength <= 0 || keyLength > limits.objectKeyLengthBytesMax)
    reader.fail(`object key length ${keyLength}`);
  let objectKey: string;
  try {
    objectKey = decoder.decode(reader.readBytes(keyLength));
  } catch (error) {
    throw new HelixError("CORRUPT_DATA", "object key is not UTF-8", { cause: error });
  }
  const entry: ManifestEntry = {
    objectKey,
    baseOffset: reader.readInt64() as Offset,
    endOffset: reader.readInt64() as Offset,
    sizeBytes: reader.readInt64(),
    crc32c: reader.readUint32(),
    term: reader.readInt64() as Term,
    maxTimestampMs: reader.readInt64(),
  };
  if (!isWellFormed(entry)) reader.fail(`malformed manifest entry for ${objectKey}`);
  return entry;
}

/** Encodes a command for the Raft log: a version byte, a type byte, then the fields. */
export function encodeManifestCommand(command: ManifestCommand): Uint8Array {
  const writer = new ByteWriter(160);
  writer.writeInt8(commandVersion);
  writer.writeInt8(commandTypes[command.type]);
  switch (command.type) {
    case "fence":
      writer.writeInt64(command.term);
      break;
    case "add":
      writeEntry(writer, command.entry);
      break;
    case "advanceLogStart":
      writer.writeInt64(command.term);
      writer.writeInt64(command.logStartOffset);
      break;
  }
  return writer.finish().slice();
}

/** Decodes a command read back from the Raft log; CORRUPT_DATA when it is malformed. */
export function decodeManifestCommand(bytes: Uint8Array): ManifestCommand {
  const reader = new ByteReader(bytes, 0, bytes.length, "CORRUPT_DATA");
  const version = reader.readInt8();
  if (version !== commandVersion) reader.fail(`unsupported manifest command version ${version}`);
  const type = reader.readInt8();
  let command: ManifestCommand;
  if (type === commandTypes.fence) command = { type: "fence", term: checkedTerm(reader) };
  else if (type === commandTypes.add) command = { type: "add", entry: readEntry(reader) };
  else if (type === commandTypes.advanceLogStart) {
    const proposerTerm = checkedTerm(reader);
    const start = reader.readInt64();
    if (!(Number.isSafeInteger(start) && start >= 0)) reader.fail(`log start offset ${start}`);
    command = { type: "advanceLogStart", term: proposerTerm, logStartOffset: start as Offset };
  } else throw new HelixError("CORRUPT_DATA", `unknown manifest command type ${type}`);
  if (reader.remaining() !== 0) reader.fail("trailing bytes after a manifest command");
  return command;
}

function checkedTerm(reader: ByteReader): Term {
  const value = reader.readInt64();
  if (!(Number.isSafeInteger(value) && value >= 0)) reader.fail(`term ${value}`);
  return value as Term;
}
