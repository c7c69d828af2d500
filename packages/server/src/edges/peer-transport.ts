import { connect, createServer, type Server, type Socket } from "node:net";
import { crc32c, HelixError, limits, type NodeId, type Transport } from "@helixlog/core";

/**
 * Node-to-node transport over framed TCP: one connection per peer pair, carrying every Raft group's
 * traffic in both directions. The node with the lower id dials, the higher one accepts, so a pair never
 * holds two connections. Frames queued in one event-loop turn go out in one socket write (batching); a
 * lost connection is re-dialled with exponential backoff and jitter.
 *
 * Delivery is best effort, as Raft expects: frames sent while a peer is unreachable wait in a bounded
 * queue and are dropped (and counted) past it. Within one connection frames arrive in order.
 *
 * Wire format (big-endian): every frame is `[u32 length][u32 CRC32C of payload][payload]`. The first
 * frame each side sends is a handshake: `"HXPT"`, u16 version, u32 sender id, u32 intended receiver
 * id. A bad handshake, a bad CRC or an oversized length closes the connection.
 */

const frameHeaderBytes = 8;
const handshakeMagic = 0x48585054; // "HXPT"
const protocolVersion = 1;
const handshakeBytes = 14;

export interface PeerAddress {
  readonly host: string;
  readonly port: number;
}

export interface PeerTransportOptions {
  readonly nodeId: NodeId;
  /** Where to listen for peers; port 0 picks a free port (see `port`). */
  readonly listen: PeerAddress;
  /** Every other voter's peer address. */
  readonly peers: ReadonlyMap<NodeId, PeerAddress>;
  /** Called for connection-level events worth logging. */
  readonly onEvent?: (event: PeerTransportEvent) => void;
}

export type PeerTransportEvent =
  | { readonly kind: "connected"; readonly peer: NodeId }
  | { readonly kind: "disconnected"; readonly peer: NodeId; readonly reason: string }
  | { readonly kind: "rejected"; readonly remote: string; readonly reason: string };

export interface PeerTransportStats {
  framesSent: number;
  framesReceived: number;
  bytesSent: number;
  bytesReceived: number;
  /** Socket writes: fewer than framesSent when batching works. */
  writes: number;
  framesDropped: number;
  reconnects: number;
}

/** Per-peer state: the connection (when up), the outgoing queue and the redial schedule. */
class PeerLink {
  socket: Socket | undefined;
  queue: Uint8Array[] = [];
  queuedBytes = 0;
  flushScheduled = false;
  waitingForDrain = false;
  reconnectDelayMs: number = limits.peerReconnectDelayMsMin;
  redialTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly peer: NodeId,
    readonly address: PeerAddress,
    readonly dials: boolean,
  ) {}
}

export class PeerTransport implements Transport {
  private readonly links = new Map<NodeId, PeerLink>();
  private readonly server: Server;
  private readonly pendingSockets = new Set<Socket>();
  private receiver: (from: NodeId, frame: Uint8Array) => void = () => {};
  private closed = false;
  readonly stats: PeerTransportStats = {
    framesSent: 0,
    framesReceived: 0,
    bytesSent: 0,
    bytesReceived: 0,
    writes: 0,
    framesDropped: 0,
    reconnects: 0,
  };

  private constructor(private readonly options: PeerTransportOptions) {
    for (const [peer, address] of options.peers) {
      if (peer === options.nodeId) continue;
      this.links.set(peer, new PeerLink(peer, address, options.nodeId < peer));
    }
    this.server = createServer((socket) => this.accept(socket));
  }

  /** Starts listening, then dials every peer with a higher id. */
  static async start(options: PeerTransportOptions): Promise<PeerTransport> {
    if (options.peers.size > limits.clusterNodesMax) {
      throw new HelixError(
        "INVALID_CONFIG",
        `at most ${limits.clusterNodesMax} peers, got ${options.peers.size}`,
      );
    }
    const transport = new PeerTransport(options);
    await new Promise<void>((resolve, reject) => {
      transport.server.once("error", reject);
      transport.server.listen(options.listen.port, options.listen.host, () => {
        transport.server.off("error", reject);
        resolve();
      });
    });
    for (const link of transport.links.values()) if (link.dials) transport.dial(link);
    return transport;
  }

  /** The port actually listened on. */
  get port(): number {
    const address = this.server.address();
    return typeof address === "object" && address !== null ? address.port : 0;
  }

  setReceiver(receiver: (from: NodeId, frame: Uint8Array) => void): void {
    this.receiver = receiver;
  }

  isConnected(peer: NodeId): boolean {
    return this.links.get(peer)?.socket !== undefined;
  }

  send(to: NodeId, frame: Uint8Array): void {
    const link = this.links.get(to);
    if (link === undefined || this.closed) {
      this.stats.framesDropped++;
      return;
    }
    if (frame.length > limits.peerFrameSizeBytesMax - frameHeaderBytes) {
      throw new HelixError("INVALID_ARGUMENT", `peer frame of ${frame.length} bytes exceeds the frame limit`);
    }
    if (link.queuedBytes + frame.length > limits.peerQueueBytesMax) {
      this.stats.framesDropped++;
      return;
    }
    link.queue.push(frame);
    link.queuedBytes += frame.length;
    this.scheduleFlush(link);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    for (const link of this.links.values()) {
      clearTimeout(link.redialTimer);
      link.socket?.destroy();
      link.socket = undefined;
    }
    for (const socket of this.pendingSockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private scheduleFlush(link: PeerLink): void {
    if (link.flushScheduled || link.waitingForDrain || link.socket === undefined) return;
    link.flushScheduled = true;
    setImmediate(() => this.flush(link));
  }

  /** Writes everything queued for `link` as one buffer: one syscall for many frames. */
  private flush(link: PeerLink): void {
    link.flushScheduled = false;
    const socket = link.socket;
    if (socket === undefined || link.queue.length === 0) return;
    const frames = link.queue;
    link.queue = [];
    link.queuedBytes = 0;
    const buffer = encodeFrames(frames);
    this.stats.framesSent += frames.length;
    this.stats.bytesSent += buffer.length;
    this.stats.writes++;
    if (!socket.write(buffer)) {
      link.waitingForDrain = true;
      socket.once("drain", () => {
        link.waitingForDrain = false;
        this.scheduleFlush(link);
      });
    }
  }

  private dial(link: PeerLink): void {
    if (this.closed) return;
    const socket = connect({ host: link.address.host, port: link.address.port, noDelay: true });
    this.pendingSockets.add(socket);
    socket.setTimeout(limits.peerHandshakeTimeoutMs, () => socket.destroy(new Error("handshake timed out")));
    socket.once("connect", () => socket.write(encodeFrames([handshake(this.options.nodeId, link.peer)])));
    this.readFrames(socket, (frame) => {
      const remote = parseHandshake(frame);
      if (remote === undefined || remote.from !== link.peer || remote.to !== this.options.nodeId) {
        socket.destroy(new Error("peer answered with an unexpected handshake"));
        return;
      }
      this.pendingSockets.delete(socket);
      socket.setTimeout(0);
      this.attach(link, socket);
    });
    socket.once("close", () => {
      this.pendingSockets.delete(socket);
      if (link.socket === socket) this.detach(link, "connection closed");
      this.scheduleRedial(link);
    });
  }

  private scheduleRedial(link: PeerLink): void {
    if (this.closed || link.redialTimer !== undefined || link.socket !== undefined) return;
    // Full jitter keeps a restarted cluster's nodes from dialling in lockstep.
    const delay = Math.floor(link.reconnectDelayMs / 2 + Math.random() * (link.reconnectDelayMs / 2));
    link.reconnectDelayMs = Math.min(link.reconnectDelayMs * 2, limits.peerReconnectDelayMsMax);
    link.redialTimer = setTimeout(() => {
      link.redialTimer = undefined;
      this.stats.reconnects++;
      this.dial(link);
    }, delay);
  }

  private accept(socket: Socket): void {
    if (this.closed) {
      socket.destroy();
      return;
    }
    socket.setNoDelay(true);
    this.pendingSockets.add(socket);
    const remoteName = `${socket.remoteAddress}:${socket.remotePort}`;
    socket.setTimeout(limits.peerHandshakeTimeoutMs, () => socket.destroy());
    socket.once("close", () => this.pendingSockets.delete(socket));
    this.readFrames(socket, (frame) => {
      const remote = parseHandshake(frame);
      const link = remote === undefined ? undefined : this.links.get(remote.from);
      if (remote === undefined || link === undefined || link.dials || remote.to !== this.options.nodeId) {
        this.options.onEvent?.({ kind: "rejected", remote: remoteName, reason: "bad handshake" });
        socket.destroy();
        return;
      }
      this.pendingSockets.delete(socket);
      socket.setTimeout(0);
      socket.write(encodeFrames([handshake(this.options.nodeId, link.peer)]));
      // A peer that re-dials has lost its old connection even if we have not noticed yet.
      link.socket?.destroy();
      this.attach(link, socket);
      socket.once("close", () => {
        if (link.socket === socket) this.detach(link, "connection closed");
      });
    });
  }

  private attach(link: PeerLink, socket: Socket): void {
    link.socket = socket;
    link.reconnectDelayMs = limits.peerReconnectDelayMsMin;
    link.waitingForDrain = false;
    this.options.onEvent?.({ kind: "connected", peer: link.peer });
    this.scheduleFlush(link);
  }

  private detach(link: PeerLink, reason: string): void {
    link.socket = undefined;
    link.flushScheduled = false;
    link.waitingForDrain = false;
    this.options.onEvent?.({ kind: "disconnected", peer: link.peer, reason });
  }

  /**
   * Parses frames from `socket`. The first frame goes to `onHandshake`; later ones to the receiver,
   * attributed to whichever peer the handshake established.
   */
  private readFrames(socket: Socket, onHandshake: (frame: Uint8Array) => void): void {
    let buffered: Buffer = Buffer.alloc(0);
    let peer: NodeId | undefined;
    socket.on("error", () => {});
    socket.on("data", (chunk: Buffer) => {
      buffered = buffered.length === 0 ? chunk : Buffer.concat([buffered, chunk]);
      let position = 0;
      // Each iteration consumes one whole frame, so the loop ends within buffered.length / 8 rounds.
      while (buffered.length - position >= frameHeaderBytes) {
        const length = buffered.readUInt32BE(position);
        if (length > limits.peerFrameSizeBytesMax - frameHeaderBytes) {
          socket.destroy(new Error(`peer frame length ${length} exceeds the limit`));
          return;
        }
        if (buffered.length - position < frameHeaderBytes + length) break;
        const payload = buffered.subarray(position + frameHeaderBytes, position + frameHeaderBytes + length);
        if (crc32c(payload) !== buffered.readUInt32BE(position + 4)) {
          socket.destroy(new Error("peer frame failed its CRC32C"));
          return;
        }
        position += frameHeaderBytes + length;
        if (peer === undefined) {
          onHandshake(payload);
          peer = parseHandshake(payload)?.from;
          if (socket.destroyed) return;
        } else {
          this.stats.framesReceived++;
          this.stats.bytesReceived += frameHeaderBytes + length;
          this.receiver(peer, payload);
        }
      }
      buffered = position === buffered.length ? Buffer.alloc(0) : buffered.subarray(position);
    });
  }
}

function encodeFrames(frames: readonly Uint8Array[]): Buffer {
  let total = 0;
  for (const frame of frames) total += frameHeaderBytes + frame.length;
  const buffer = Buffer.allocUnsafe(total);
  let position = 0;
  for (const frame of frames) {
    buffer.writeUInt32BE(frame.length, position);
    buffer.writeUInt32BE(crc32c(frame), position + 4);
    buffer.set(frame, position + frameHeaderBytes);
    position += frameHeaderBytes + frame.length;
  }
  return buffer;
}

function handshake(from: NodeId, to: NodeId): Uint8Array {
  const bytes = Buffer.alloc(handshakeBytes);
  bytes.writeUInt32BE(handshakeMagic, 0);
  bytes.writeUInt16BE(protocolVersion, 4);
  bytes.writeUInt32BE(from, 6);
  bytes.writeUInt32BE(to, 10);
  return bytes;
}

function parseHandshake(frame: Uint8Array): { from: NodeId; to: NodeId } | undefined {
  if (frame.length !== handshakeBytes) return undefined;
  const view = Buffer.from(frame.buffer, frame.byteOffset, frame.byteLength);
  if (view.readUInt32BE(0) !== handshakeMagic || view.readUInt16BE(4) !== protocolVersion) return undefined;
  const from = view.readUInt32BE(6);
  const to = view.readUInt32BE(10);
  if (from < 1 || to < 1) return undefined;
  return { from: from as NodeId, to: to as NodeId };
}
