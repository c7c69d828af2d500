/** Limits of the Raft state machine and the Multi-Raft engine (package `raft`). */

/** Raft ticks are driven by the host; elections must take several heartbeats to avoid spurious ones. */
export const electionTicksMin = 3;
