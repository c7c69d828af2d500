/**
 * Every bound the system has, in one module (STYLE.md rule 5): each with a comment saying why, units
 * last. Per-area limits live in ./limits/<area>.ts so packages can grow their own section; the
 * relationships between limits of different areas are asserted here, when the module loads.
 */
import { assert } from "./assert.js";
import { recordBatchSizeBytesMax } from "./limits/record-batch.js";
import { walEntrySizeBytesMax } from "./limits/wal.js";

export * from "./limits/flow.js";
export * from "./limits/kafka.js";
export * from "./limits/multi-raft.js";
export * from "./limits/progress.js";
export * from "./limits/raft.js";
export * from "./limits/record-batch.js";
export * from "./limits/routing.js";
export * from "./limits/server.js";
export * from "./limits/tier.js";
export * from "./limits/wal.js";

assert(
  walEntrySizeBytesMax >= recordBatchSizeBytesMax + 4096,
  "a WAL entry must hold the largest record batch plus its framing and Raft metadata",
);
