import type { NodeId } from "./ids.js";

/**
 * Node-to-node messaging as the deterministic core sees it: unreliable, unordered in general, and
 * non-blocking. The real edge batches frames per peer over one connection; the simulator delivers them
 * on simulated time with drops, delays, duplicates and partitions.
 */
export interface Transport {
  /** Queues `frame` for `to`. Never throws for an unreachable peer: the frame is dropped. */
  send(to: NodeId, frame: Uint8Array): void;
  /** Installs the one handler for frames arriving from peers. */
  setReceiver(receiver: (from: NodeId, frame: Uint8Array) => void): void;
}
