import { requestFrameBytesMax } from "../protocol/limits.js";
import { ProtocolDecodeError } from "../protocol/protocol-error.js";

const sizePrefixBytes = 4;

/**
 * Splits a TCP byte stream into Kafka frames (`int32 size` + that many bytes). The size is checked
 * against `frameBytesMax` as soon as its four bytes arrive, before any buffering for the frame, so a
 * client cannot make us hold more than one bounded frame. A bad size raises ProtocolDecodeError; the
 * stream cannot be resynchronised after that, so the caller must close the connection.
 *
 * Returned frames exclude the size prefix. A frame that arrived in one chunk is a view into that chunk;
 * one that spans chunks is copied once.
 */
export class FrameSplitter {
  private readonly chunks: Uint8Array[] = [];
  /** Invariant: bufferedBytes is the sum of the chunk lengths. */
  private bufferedBytes = 0;
  /** Size of the frame being assembled, or -1 while its size prefix is incomplete. */
  private frameBytes = -1;
  /** Stream position of the next byte, for error messages. */
  private streamPosition = 0;

  constructor(private readonly frameBytesMax: number = requestFrameBytesMax) {}

  /** Adds received bytes; returns the frames they complete, in order. */
  push(chunk: Uint8Array): Uint8Array[] {
    const frames: Uint8Array[] = [];
    if (chunk.length > 0) {
      this.chunks.push(chunk);
      this.bufferedBytes += chunk.length;
    }
    for (;;) {
      if (this.frameBytes < 0) {
        if (this.bufferedBytes < sizePrefixBytes) break;
        this.frameBytes = this.readSizePrefix();
      }
      if (this.bufferedBytes < this.frameBytes) break;
      frames.push(this.take(this.frameBytes));
      this.frameBytes = -1;
    }
    return frames;
  }

  /** Bytes received but not yet returned as a frame. */
  get pendingBytes(): number {
    return this.bufferedBytes;
  }

  private readSizePrefix(): number {
    const prefix = this.take(sizePrefixBytes);
    const size = new DataView(prefix.buffer, prefix.byteOffset, sizePrefixBytes).getInt32(0);
    if (size < 0 || size > this.frameBytesMax) {
      throw new ProtocolDecodeError(
        size < 0 ? "length-out-of-bounds" : "frame-too-large",
        `frame size ${size} is outside 0..${this.frameBytesMax}`,
        this.streamPosition - sizePrefixBytes,
      );
    }
    return size;
  }

  /** Removes and returns the next `count` buffered bytes (the caller checked they are there). */
  private take(count: number): Uint8Array {
    this.bufferedBytes -= count;
    this.streamPosition += count;
    const first = this.chunks[0];
    if (first !== undefined && first.length >= count) {
      if (first.length === count) this.chunks.shift();
      else this.chunks[0] = first.subarray(count);
      return first.subarray(0, count);
    }
    const result = new Uint8Array(count);
    let filled = 0;
    while (filled < count) {
      const chunk = this.chunks[0]!;
      const needed = count - filled;
      if (chunk.length <= needed) {
        result.set(chunk, filled);
        filled += chunk.length;
        this.chunks.shift();
      } else {
        result.set(chunk.subarray(0, needed), filled);
        this.chunks[0] = chunk.subarray(needed);
        filled = count;
      }
    }
    return result;
  }
}
