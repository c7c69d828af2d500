import { HelixError } from "@helixlog/core";
import { HelixClient, leaderAddressOf, type MetadataResponse, ProgressClient } from "@helixlog/server";

/**
 * Finding the node that can answer. Admin calls go to the controller leader and partition calls to
 * the partition leader; any node answers NOT_LEADER with the leader's address when it knows it, so a
 * call starts at the bootstrap node and follows those hints a bounded number of times.
 */

/** Hops plus waits for an election: a handful of hints, or about five seconds without a leader. */
export const leaderAttemptsMax = 25;
const leaderlessWaitMs = 200;
/**
 * Consecutive "busy" refusals (RESOURCE_EXHAUSTED: a quota or the node shedding load) one call retries,
 * each after the delay the node asked for, before the error is shown. A client held to its quota keeps
 * moving at the quota's rate; a node that stays overloaded for this long is reported.
 */
export const busyAttemptsMax = 100;
/** Upper bound on one busy wait, whatever delay the node asks for. */
const busyWaitMaxMs = 5_000;

/** One client per node address, shared by every call of a command; `close()` closes them all. */
export class ClientPool {
  private readonly clients = new Map<string, HelixClient>();
  private readonly progressClients = new Map<string, ProgressClient>();

  constructor(readonly bootstrap: string) {}

  get(address: string = this.bootstrap): HelixClient {
    let client = this.clients.get(address);
    if (client === undefined) {
      client = new HelixClient(address);
      this.clients.set(address, client);
    }
    return client;
  }

  /** The helix.v1.Progress client for the node `client` talks to. */
  progressFor(client: HelixClient): ProgressClient {
    let progress = this.progressClients.get(client.address);
    if (progress === undefined) {
      progress = new ProgressClient(client.address);
      this.progressClients.set(client.address, progress);
    }
    return progress;
  }

  close(): void {
    for (const client of this.clients.values()) client.close();
    for (const client of this.progressClients.values()) client.close();
    this.clients.clear();
    this.progressClients.clear();
  }
}

/**
 * Runs `call` against `startAddress`, then wherever NOT_LEADER points. A retriable error without a
 * hint (no leader elected yet) waits and retries at the same node; anything else is thrown as is.
 */
export async function followLeader<Result>(
  pool: ClientPool,
  call: (client: HelixClient) => Promise<Result>,
  startAddress: string = pool.bootstrap,
): Promise<Result> {
  let address = startAddress;
  let leaderAttempts = 0;
  let busyAttempts = 0;
  for (;;) {
    try {
      return await call(pool.get(address));
    } catch (error) {
      if (isBusy(error)) {
        if (++busyAttempts >= busyAttemptsMax) throw error;
        await delay(Math.min(busyWaitMaxMs, Math.max(1, retryAfterOf(error) ?? leaderlessWaitMs)));
        continue;
      }
      if (!isLeaderChange(error) || ++leaderAttempts >= leaderAttemptsMax) throw error;
      const hint = dialable(leaderAddressOf(error));
      if (hint !== undefined && hint !== address) {
        address = hint;
      } else {
        await delay(retryDelayOf(error));
      }
    }
  }
}

/** `followLeader` for consumer-progress calls: they go to the leader of the group's progress group. */
export function followProgressLeader<Result>(
  pool: ClientPool,
  call: (client: ProgressClient) => Promise<Result>,
): Promise<Result> {
  return followLeader(pool, (client) => call(pool.progressFor(client)));
}

/** A quota refusal or load shedding: the same call succeeds later, at the same node. */
function isBusy(error: unknown): boolean {
  return HelixError.is(error, "RESOURCE_EXHAUSTED") && error.retriable;
}

function isLeaderChange(error: unknown): boolean {
  return (
    HelixError.is(error, "NOT_LEADER") ||
    HelixError.is(error, "LEADER_NOT_AVAILABLE") ||
    HelixError.is(error, "PROPOSAL_DROPPED")
  );
}

function retryAfterOf(error: unknown): number | undefined {
  const retryAfter = HelixError.isInstance(error) ? error.details.retryAfterMs : undefined;
  return typeof retryAfter === "number" ? retryAfter : undefined;
}

function retryDelayOf(error: unknown): number {
  return Math.max(retryAfterOf(error) ?? 0, leaderlessWaitMs);
}

export function delay(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/** The partitions of `topic` and the gRPC address of each one's leader (the bootstrap when leaderless). */
export async function partitionLeaders(
  pool: ClientPool,
  topic: string,
): Promise<{ partitions: number[]; leaderOf: (partition: number) => string }> {
  const metadata: MetadataResponse = await followLeader(pool, (client) => client.metadata([topic]));
  const description = metadata.topics.find((candidate) => candidate.name === topic);
  if (description === undefined) {
    throw new HelixError(
      "UNKNOWN_TOPIC",
      `topic "${topic}" does not exist; create it with \`helix topic create ${topic}\``,
    );
  }
  const addresses = new Map(metadata.brokers.map((broker) => [broker.nodeId, dialable(broker.grpcAddress)]));
  const leaders = new Map(
    description.partitions.map((partition) => [partition.partition, addresses.get(partition.leader)]),
  );
  return {
    partitions: description.partitions.map((partition) => partition.partition).sort((a, b) => a - b),
    leaderOf: (partition) => leaders.get(partition) ?? pool.bootstrap,
  };
}

/**
 * A node started with `--grpc-addr HOST:0` (tests) advertises port 0, which nobody can dial; such an
 * address is treated as unknown, so calls stay on the node already reached.
 */
function dialable(address: string | undefined): string | undefined {
  return address === undefined || address === "" || address.endsWith(":0") ? undefined : address;
}
