import { Command } from "commander";
import { addBenchCommand } from "./commands/bench.js";
import { addClusterCommands } from "./commands/cluster.js";
import { addConsumeCommand } from "./commands/consume.js";
import { addDevCommand } from "./commands/dev.js";
import { addGroupCommands } from "./commands/group.js";
import { addProduceCommand } from "./commands/produce.js";
import { addQuotaCommands } from "./commands/quota.js";
import { addStartCommand } from "./commands/start.js";
import { addTopicCommands } from "./commands/topic.js";
import { parseAddress } from "./options.js";

/** The default `--bootstrap`: node 1's gRPC port (DESIGN.md §8). */
export const defaultBootstrap = "127.0.0.1:9190";

/**
 * The whole `helix` command tree. Commander's own failures (unknown option, missing argument) are
 * thrown as CommanderError instead of exiting, so bin.ts maps every failure to our exit codes.
 */
export function buildProgram(): Command {
  const program = new Command("helix")
    .description("Helix: a durable, Raft-replicated, Kafka-compatible streaming log")
    .exitOverride()
    .showHelpAfterError("(add --help for usage and examples)")
    .option(
      "--bootstrap <host:port>",
      "gRPC address of any node",
      parseAddress("--bootstrap"),
      defaultBootstrap,
    )
    .option("--json", "machine-readable output")
    .addHelpText(
      "after",
      [
        "",
        "Exit codes: 0 ok, 2 usage error, 3 error from the node, 4 cannot reach the node.",
        "",
        "Examples:",
        "  helix dev --nodes 3",
        "  helix topic create demo --partitions 3",
        "  seq 1000 | helix produce demo",
        "  helix consume demo --from-beginning --max-messages 1000",
        "  helix consume demo --group billing",
        "  helix group describe billing",
        "  helix cluster status --json",
        "  helix quota set --principal acme --produce-rate 1MB",
      ].join("\n"),
    );
  addStartCommand(program);
  addDevCommand(program);
  addTopicCommands(program);
  addProduceCommand(program);
  addConsumeCommand(program);
  addGroupCommands(program);
  addClusterCommands(program);
  addQuotaCommands(program);
  addBenchCommand(program);
  return program;
}
