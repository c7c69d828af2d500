/**
 * A scripted nemesis that steers a three-voter group into the shape of Raft's Figure 8 (§5.4.2), over
 * and over: random partitions almost never produce it, and it is the one interleaving where committing
 * an entry of an earlier term by counting replicas loses a committed entry.
 *
 *   1. A leader A accepts a proposal (entry j, term a): isolate A at once, so j reaches no one (what is
 *      in flight on a cut link is lost).
 *   2. The other two elect B (term b > a); B appends its own entry at j (term b): isolate B at once too.
 *   3. After a few election timeouts, reconnect A (B stays isolated): A's log (last term a, length j)
 *      beats C's (shorter), so A wins (term c > b), appends its entry j+1 (term c) and brings C up to
 *      date one entry at a time (with one entry per append message), j first.
 *   4. The moment A's commit index advances, isolate A and reconnect B. A correct leader commits only
 *      once C holds j+1 (term c), and then C never votes for B (C's last term c > b). A leader that
 *      counted replicas of j (term a) has committed it while C's last entry is j (term a < b): B wins
 *      with C's vote and overwrites j, and the state machine safety checker sees A applied j (term a)
 *      where the others apply j (term b); an acknowledged write may be lost as well.
 *   5. Heal, let the group settle, and start over.
 *
 * A stage that is not reached in time (the cluster took another path) is abandoned: heal and restart.
 * The nemesis only moves the network; the checkers decide what is a violation.
 */
import type { NodeId } from "@helixlog/core";

export interface NemesisActions {
  isolate(...victims: NodeId[]): void;
  heal(): void;
  /** Calls `onTimer(token)` after `delayMs` simulated milliseconds. */
  timer(delayMs: number, token: number): void;
}

type Stage =
  | { readonly name: "waitProposal" }
  | { readonly name: "waitNewLeader"; readonly oldLeader: NodeId; readonly term: number }
  | { readonly name: "waitReconnect"; readonly oldLeader: NodeId; readonly newLeader: NodeId }
  | { readonly name: "waitCommit"; readonly oldLeader: NodeId; readonly newLeader: NodeId }
  | { readonly name: "overwrite" }
  | { readonly name: "settle" };

/** Simulated milliseconds a stage may wait for the cluster before the attempt is abandoned. */
const stageTimeoutMs = 15_000;
/** How long the two isolated leaders stay away before the old one is reconnected. */
const reconnectAfterMs = 4_000;
/** How long the overwrite stage lasts, then how long the healed cluster settles before the next attempt. */
const overwriteMs = 10_000;
const settleMs = 5_000;

export class Figure8Nemesis {
  private stage: Stage = { name: "settle" };
  /** Identifies the current stage's timer; a timer of an earlier stage is ignored. */
  private token = 0;
  readonly statistics = { attempts: 0, reconnects: 0, commitsCutOff: 0 };

  constructor(private readonly actions: NemesisActions) {
    this.enter({ name: "settle" }, settleMs);
  }

  onProposal(leader: NodeId): void {
    if (this.stage.name !== "waitProposal") return;
    this.statistics.attempts++;
    this.actions.isolate(leader);
    this.enter({ name: "waitNewLeader", oldLeader: leader, term: 0 }, stageTimeoutMs);
  }

  onLeader(leader: NodeId): void {
    const stage = this.stage;
    if (stage.name !== "waitNewLeader" || leader === stage.oldLeader) return;
    this.actions.isolate(stage.oldLeader, leader);
    this.enter({ name: "waitReconnect", oldLeader: stage.oldLeader, newLeader: leader }, reconnectAfterMs);
  }

  onCommit(leader: NodeId): void {
    const stage = this.stage;
    if (stage.name !== "waitCommit" || leader !== stage.oldLeader) return;
    this.statistics.commitsCutOff++;
    this.actions.isolate(stage.oldLeader);
    this.enter({ name: "overwrite" }, overwriteMs);
  }

  onTimer(token: number): void {
    if (token !== this.token) return;
    const stage = this.stage;
    if (stage.name === "waitReconnect") {
      this.statistics.reconnects++;
      this.actions.isolate(stage.newLeader);
      this.enter(
        { name: "waitCommit", oldLeader: stage.oldLeader, newLeader: stage.newLeader },
        stageTimeoutMs,
      );
    } else if (stage.name === "settle") {
      this.enter({ name: "waitProposal" }, undefined);
    } else {
      this.actions.heal();
      this.enter({ name: "settle" }, settleMs);
    }
  }

  private enter(stage: Stage, timeoutMs: number | undefined): void {
    this.stage = stage;
    this.token++;
    if (timeoutMs !== undefined) this.actions.timer(timeoutMs, this.token);
  }
}
