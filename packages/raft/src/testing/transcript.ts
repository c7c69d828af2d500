/**
 * Data-driven transcripts (etcd's testdata/*.txt): a text file of commands, each followed by "----"
 * and the output it produced. runTranscript re-runs the commands and returns the file as it should
 * read now; a test compares it with the file on disk (UPDATE=1 rewrites it, for review).
 *
 * Blocks are separated by blank lines. Lines starting with "#" before a command are comments.
 * Commands:
 *   cluster voters=1,2,3 [learners=4] [prevote=false] [checkquorum=false] [lease=true] [seed=1]
 *           [maxmsg=BYTES] [inflight=N] [election=TICKS] [chunk=BYTES]
 *   add-node ID                   a new node with empty storage (joins through the log or a snapshot)
 *   campaign ID | tick ID [N] | tick-all [N] | process ID
 *   elapse N                      N ticks on every live node, delivering all traffic after each one
 *                                 (plain heartbeats are counted, not listed, in every command's output)
 *   propose ID DATA | conf-change ID v4 l5 r2 [explicit] (no changes: leave the joint config)
 *   transfer ID TARGET | read-index ID CONTEXT
 *   stabilize | step [N] (N rounds of: process every node, deliver what is queued) | deliver | drop-queued | partition 1 2 / 3 | isolate ID | cut FROM TO | heal
 *   crash ID | restart ID | compact ID [INDEX] | status [IDS...] | log ID | applied ID
 */
import { HelixError, nodeId, ticks } from "@helixlog/core";
import { describeEntries } from "../entries.js";
import type { ConfChangeSingle } from "../types.js";
import { type NodeSettings, RaftNetwork } from "./network.js";
import { SafetyChecker } from "./safety-checker.js";

interface Block {
  readonly comments: string[];
  readonly command: string;
}

function parseBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let comments: string[] = [];
  let inOutput = false;
  for (const line of text.split("\n")) {
    if (line.trim() === "") {
      inOutput = false;
      continue;
    }
    if (inOutput) continue;
    if (line.startsWith("#")) {
      comments.push(line);
      continue;
    }
    if (line === "----") {
      inOutput = true;
      continue;
    }
    blocks.push({ comments, command: line.trim() });
    comments = [];
    inOutput = false;
  }
  return blocks;
}

class TranscriptSession {
  network: RaftNetwork | undefined;
  checker: SafetyChecker | undefined;

  get live(): RaftNetwork {
    if (this.network === undefined) throw new Error("start with a `cluster` command");
    return this.network;
  }

  run(command: string): string[] {
    const [name, ...args] = command.split(/\s+/);
    if (name === "cluster") return this.startCluster(args);
    const network = this.live;
    network.trace = [];
    network.tracing = true;
    network.hideHeartbeats = true;
    network.heartbeatsHidden = 0;
    const output = this.execute(network, name ?? "", args);
    this.checker?.checkLogs();
    const hidden =
      network.heartbeatsHidden === 0 ? [] : [`(${network.heartbeatsHidden} heartbeat messages not shown)`];
    return [...network.trace, ...hidden, ...output];
  }

  private startCluster(args: string[]): string[] {
    const options = new Map(args.map((arg) => arg.split("=") as [string, string]));
    const list = (key: string): number[] =>
      (options.get(key) ?? "")
        .split(",")
        .filter((item) => item !== "")
        .map(Number);
    const settings: NodeSettings = {
      preVote: options.get("prevote") !== "false",
      checkQuorum: options.get("checkquorum") !== "false",
      readOnlyOption: options.get("lease") === "true" ? "leaseBased" : "safe",
      ...(options.has("election") ? { electionTicks: ticks(Number(options.get("election"))) } : {}),
      ...(options.has("maxmsg") ? { appendMessageSizeBytes: Number(options.get("maxmsg")) as never } : {}),
      ...(options.has("inflight") ? { inflightMessagesMax: Number(options.get("inflight")) } : {}),
      ...(options.has("chunk") ? { snapshotChunkSizeBytes: Number(options.get("chunk")) as never } : {}),
    };
    this.network = new RaftNetwork({
      voters: list("voters"),
      learners: list("learners"),
      seed: Number(options.get("seed") ?? 1),
      settings,
    });
    this.checker = new SafetyChecker(this.network);
    return this.network.ids().map((id) => this.network?.node(id).live.describe() ?? "");
  }

  private execute(network: RaftNetwork, name: string, args: string[]): string[] {
    const id = Number(args[0]);
    switch (name) {
      case "add-node":
        network.addNode(id);
        return [network.node(id).live.describe()];
      case "campaign":
        network.node(id).live.campaign();
        return [];
      case "tick":
        network.tick(id, Number(args[1] ?? 1));
        return [];
      case "tick-all":
        network.tickAll(Number(args[0] ?? 1));
        return [];
      case "elapse":
        network.elapse(Number(args[0] ?? 1));
        return [];
      case "process":
        network.process(id);
        return [];
      case "propose":
        return attempt(() => {
          const result = network.node(id).live.propose(new TextEncoder().encode(args.slice(1).join(" ")));
          return [`${id}: proposed at ${result.term}/${result.index}`];
        });
      case "conf-change":
        return attempt(() => {
          const result = network.node(id).live.proposeConfChange(parseConfChange(args.slice(1)));
          return [`${id}: proposed conf change at ${result.term}/${result.index}`];
        });
      case "transfer":
        return attempt(() => {
          network.node(id).live.transferLeadership(nodeId(Number(args[1])));
          return [];
        });
      case "read-index":
        return attempt(() => {
          network.node(id).live.readIndex(args[1] ?? "");
          return [];
        });
      default:
        return this.executeNetworkCommand(network, name, args);
    }
  }

  private executeNetworkCommand(network: RaftNetwork, name: string, args: string[]): string[] {
    const id = Number(args[0]);
    switch (name) {
      case "stabilize":
        network.stabilize();
        return [];
      case "deliver":
        network.deliverQueued();
        return [];
      case "step":
        for (let round = 0; round < Number(args[0] ?? 1); round++) {
          network.processAll();
          network.deliverQueued();
        }
        return [];
      case "drop-queued":
        network.dropQueued();
        return [];
      case "partition": {
        const groups = args
          .join(" ")
          .split("/")
          .map((group) => group.trim().split(/\s+/).map(Number));
        network.partition(groups);
        return [];
      }
      case "isolate":
        network.isolate(id);
        return [];
      case "cut":
        network.cut(id, Number(args[1]));
        return [];
      case "heal":
        network.heal();
        return [];
      case "crash":
        network.crash(id);
        return [];
      case "restart":
        network.restart(id);
        return [];
      case "compact":
        network.compact(id, args[1] === undefined ? undefined : Number(args[1]));
        return [network.node(id).storage.describe()];
      case "status": {
        const ids = args.length > 0 ? args.map(Number) : network.ids();
        return ids.map((node) => network.node(node).raft?.describe() ?? `node ${node}: crashed`);
      }
      case "log": {
        const log = network.node(id).live.raft.log;
        const entries = log.slice(
          log.firstIndex(),
          (log.lastIndex() + 1) as never,
          Number.MAX_SAFE_INTEGER as never,
        );
        return [`${id}: first=${log.firstIndex()} [${describeEntries(entries ?? [])}]`];
      }
      case "applied": {
        const machine = network.node(id).stateMachine;
        return [`${id}: applied=${machine.appliedIndex} payloads=[${machine.payloads.join(" ")}]`];
      }
      default:
        throw new Error(`unknown transcript command "${name}"`);
    }
  }
}

function attempt(action: () => string[]): string[] {
  try {
    return action();
  } catch (error) {
    if (!HelixError.isInstance(error)) throw error;
    const details = Object.entries(error.details)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => ` ${key}=${String(value)}`)
      .join("");
    return [`error: ${error.code}${details}: ${error.message}`];
  }
}

function parseConfChange(args: string[]): { changes: ConfChangeSingle[]; transition?: "explicit" } {
  const changes: ConfChangeSingle[] = [];
  let explicit = false;
  for (const arg of args) {
    if (arg === "explicit") {
      explicit = true;
      continue;
    }
    const type = arg.startsWith("v") ? "addVoter" : arg.startsWith("l") ? "addLearner" : "removeNode";
    changes.push({ type, nodeId: nodeId(Number(arg.slice(1))) });
  }
  return explicit ? { changes, transition: "explicit" } : { changes };
}

/** Runs a transcript and returns its text with every command's output regenerated. */
export function runTranscript(text: string): string {
  const session = new TranscriptSession();
  const parts: string[] = [];
  for (const block of parseBlocks(text)) {
    const output = session.run(block.command);
    parts.push(
      [...block.comments, block.command, "----", ...(output.length === 0 ? ["ok"] : output)].join("\n"),
    );
  }
  return `${parts.join("\n\n")}\n`;
}
