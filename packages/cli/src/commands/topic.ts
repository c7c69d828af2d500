import { HelixError } from "@helixlog/core";
import type { TopicDescriptionMessage } from "@helixlog/server";
import { type Command, Option } from "commander";
import { withPool } from "../global-options.js";
import { collect, parseInteger, parseKeyValues } from "../options.js";
import { printJson, printLine, printTable } from "../output.js";
import { followLeader } from "../routing.js";

/** `helix topic create|list|describe|delete|alter`: admin calls, always answered by the controller leader. */
export function addTopicCommands(program: Command): void {
  const topic = program
    .command("topic")
    .description("create, list, describe, alter and delete topics")
    .addHelpText("after", "\nExamples:\n  helix topic create demo --partitions 3\n  helix topic list --json");

  topic
    .command("create")
    .description("create a topic")
    .argument("<name>", "topic name")
    .option("--partitions <n>", "number of partitions", parseInteger("--partitions", 1, 100_000), 1)
    .option(
      "--replication-factor <n>",
      "replicas per partition (default: min(3, live nodes))",
      parseInteger("--replication-factor", 1, 9),
    )
    .option("--config <key=value>", "a topic config, e.g. retention.ms=60000 (repeatable)", collect)
    .addHelpText(
      "after",
      "\nExamples:\n  helix topic create demo\n  helix topic create orders --partitions 6 --replication-factor 3 --config retention.ms=86400000",
    )
    .action(async (name: string, options: CreateOptions, command: Command) => {
      await withPool(command, async (pool, global) => {
        const description = await followLeader(pool, (client) =>
          client.createTopic({
            name,
            partitions: options.partitions,
            replicationFactor: options.replicationFactor ?? 0,
            configs: parseKeyValues("--config", options.config ?? []),
          }),
        );
        if (global.json) printJson(description);
        else
          printLine(
            `created topic ${description.name}: ${description.partitions.length} partition(s), replication factor ${description.replicationFactor}`,
          );
      });
    });

  topic
    .command("list")
    .description("list topics")
    .addHelpText("after", "\nExamples:\n  helix topic list\n  helix topic list --json")
    .action(async (_options: unknown, command: Command) => {
      await withPool(command, async (pool, global) => {
        const topics = await followLeader(pool, (client) => client.listTopics());
        if (global.json) printJson(topics);
        else if (topics.length === 0) printLine("no topics; create one with `helix topic create NAME`");
        else
          printTable(
            ["topic", "partitions", "replication factor", "topic id"],
            topics.map((entry) => [
              entry.name,
              entry.partitions.length,
              entry.replicationFactor,
              entry.topicId,
            ]),
          );
      });
    });

  topic
    .command("describe")
    .description("show a topic's partitions, leaders, replicas and configs")
    .argument("<name>", "topic name")
    .addHelpText("after", "\nExamples:\n  helix topic describe demo\n  helix topic describe demo --json")
    .action(async (name: string, _options: unknown, command: Command) => {
      await withPool(command, async (pool, global) => {
        const description = await followLeader(pool, (client) => client.describeTopic(name));
        if (global.json) printJson(description);
        else printDescription(description);
      });
    });

  topic
    .command("delete")
    .description("delete a topic and its data")
    .argument("<name>", "topic name")
    .addHelpText("after", "\nExamples:\n  helix topic delete demo")
    .action(async (name: string, _options: unknown, command: Command) => {
      await withPool(command, async (pool, global) => {
        await followLeader(pool, (client) => client.deleteTopic(name));
        if (global.json) printJson({ deleted: name });
        else printLine(`deleted topic ${name}`);
      });
    });

  topic
    .command("alter")
    .description("change a topic's configs or grow its partition count")
    .argument("<name>", "topic name")
    .option("--config <key=value>", "set a config (repeatable)", collect)
    .option("--remove-config <key>", "return a config to its default (repeatable)", collect)
    .addOption(
      new Option("--partitions <n>", "new total partition count").argParser(
        parseInteger("--partitions", 1, 100_000),
      ),
    )
    .addHelpText("after", "\nExamples:\n  helix topic alter demo --config retention.ms=60000")
    .action(async (name: string, options: AlterOptions, command: Command) => {
      const setConfigs = parseKeyValues("--config", options.config ?? []);
      await withPool(command, async (pool, global) => {
        const description = await followLeader(pool, (client) =>
          client.alterTopic({
            name,
            setConfigs,
            removeConfigs: options.removeConfig ?? [],
            partitions: options.partitions ?? 0,
          }),
        ).catch((error: unknown) => {
          throw HelixError.is(error, "UNSUPPORTED_VERSION") ? alterNotSupported(name, error) : error;
        });
        if (global.json) printJson(description);
        else printDescription(description);
      });
    });
}

/** A node older than AlterTopic answers UNSUPPORTED_VERSION; say what to do instead. */
function alterNotSupported(name: string, cause: unknown): HelixError {
  return new HelixError(
    "UNSUPPORTED_VERSION",
    `cannot alter topic ${name}: altering topics is not supported yet by the server; to change configs or partitions, delete and recreate the topic (\`helix topic delete ${name}\`, then \`helix topic create ${name} --partitions N --config KEY=VALUE\`)`,
    { cause },
  );
}

interface AlterOptions {
  config?: string[];
  removeConfig?: string[];
  partitions?: number;
}

interface CreateOptions {
  partitions: number;
  replicationFactor?: number;
  config?: string[];
}

function printDescription(description: TopicDescriptionMessage): void {
  printLine(
    `topic ${description.name} (id ${description.topicId}): ${description.partitions.length} partition(s), replication factor ${description.replicationFactor}`,
  );
  printTable(
    ["partition", "leader", "epoch", "replicas", "in sync", "high watermark", "log start"],
    description.partitions.map((partition) => [
      partition.partition,
      partition.leader < 0 ? "none" : partition.leader,
      partition.leaderEpoch,
      partition.replicas.join(","),
      partition.inSyncReplicas.join(","),
      partition.highWatermark,
      partition.logStartOffset,
    ]),
  );
  const configs = Object.entries(description.configs).sort(([a], [b]) => a.localeCompare(b));
  if (configs.length > 0) printTable(["config", "value"], configs);
}
