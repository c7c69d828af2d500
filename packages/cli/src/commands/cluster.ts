import type { Command } from "commander";
import { withPool } from "../global-options.js";
import { printJson, printLine, printTable } from "../output.js";
import { followLeader } from "../routing.js";

/** `helix cluster status`: the nodes as the controller leader sees them. */
export function addClusterCommands(program: Command): void {
  const cluster = program.command("cluster").description("inspect the cluster");
  cluster
    .command("status")
    .description("nodes, liveness, the controller leader, groups led and under-replicated partitions")
    .addHelpText(
      "after",
      "\nExamples:\n  helix cluster status\n  helix cluster status --json --bootstrap 127.0.0.1:9191",
    )
    .action(async (_options: unknown, command: Command) => {
      await withPool(command, async (pool, global) => {
        const status = await followLeader(pool, (client) => client.clusterStatus());
        if (global.json) {
          printJson(status);
          return;
        }
        const leader =
          status.controllerLeader === 0 ? "none (election in progress?)" : `node ${status.controllerLeader}`;
        printLine(`cluster ${status.clusterId || "(no id yet)"}: controller leader ${leader}`);
        printTable(
          ["node", "gRPC", "Kafka", "alive", "controller", "groups hosted", "groups led", "under-replicated"],
          status.nodes.map((node) => [
            node.broker.nodeId,
            node.broker.grpcAddress,
            node.broker.kafkaAddress,
            node.broker.alive ? "yes" : "NO",
            node.broker.nodeId === status.controllerLeader ? "leader" : "",
            node.groupsHosted,
            node.groupsLed,
            node.underReplicatedPartitions,
          ]),
        );
      });
    });
}
