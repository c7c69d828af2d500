import type { HelixClient } from "@helixlog/server";
import type { Command } from "commander";
import { UsageError } from "../cli-errors.js";
import { withPool } from "../global-options.js";
import { printJson, printLine, printTable } from "../output.js";
import { followLeader } from "../routing.js";

type QuotaEntity = Parameters<HelixClient["setQuota"]>[0];
type QuotaLimits = Parameters<HelixClient["setQuota"]>[1];
type Quota = Awaited<ReturnType<HelixClient["listQuotas"]>>[number];

export interface EntityOptions {
  principal?: string;
  clientId?: string;
  defaultClientId?: boolean;
  topic?: string;
  defaultTopic?: boolean;
  cluster?: boolean;
}

interface SetOptions extends EntityOptions {
  produceRate?: number;
  fetchRate?: number;
  requestRate?: number;
  produceBurst?: number;
  fetchBurst?: number;
  requestBurst?: number;
  weight?: number;
}

const entityHelp = [
  "",
  "Entity: --principal NAME (omitted: the default principal, applying to each principal separately);",
  "with --client-id ID (or --default-client-id for each client id separately) the quota is that client's,",
  "else the principal's own, shared by all its client ids. With --topic NAME (or --default-topic for",
  "each topic separately) it is the client id's use of that topic (without a client id option: of each",
  "client id of the principal). --cluster alone: the total of every principal on each node.",
  "A call must be within every level that has a quota (cluster, principal, client id, topic).",
  "Callers identify themselves with the gRPC metadata x-helix-principal (default anonymous) and",
  "x-helix-client-id; Kafka clients are principal anonymous with their client.id. Quotas apply per node.",
].join("\n");

/** `helix quota set|list|delete`: per-principal and per-client quotas, stored in the controller. */
export function addQuotaCommands(program: Command): void {
  const quota = program
    .command("quota")
    .description("set, list and delete produce, fetch and request-rate quotas")
    .addHelpText(
      "after",
      "\nExamples:\n  helix quota set --principal acme --produce-rate 1MB\n  helix quota list --json",
    );

  withEntityOptions(quota.command("set"))
    .description("set (replace) the quota of the cluster, a principal, a client id or a topic")
    .option(
      "--produce-rate <bytes>",
      "produce bytes per second (e.g. 1MB, 512KiB)",
      parseSize("--produce-rate"),
    )
    .option("--fetch-rate <bytes>", "fetch bytes per second", parseSize("--fetch-rate"))
    .option("--request-rate <n>", "requests per second", parseSize("--request-rate"))
    .option(
      "--produce-burst <bytes>",
      "produce burst (default: one second of the rate)",
      parseSize("--produce-burst"),
    )
    .option(
      "--fetch-burst <bytes>",
      "fetch burst (default: one second of the rate)",
      parseSize("--fetch-burst"),
    )
    .option(
      "--request-burst <n>",
      "request burst (default: one second of the rate)",
      parseSize("--request-burst"),
    )
    .option(
      "--weight <n>",
      "the principal's weight (1-1000) in each node's fair queue when the node is saturated",
      parseSize("--weight"),
    )
    .addHelpText(
      "after",
      `${entityHelp}\n\nExamples:\n  helix quota set --principal acme --produce-rate 10MB --fetch-rate 20MB\n` +
        "  helix quota set --principal acme --weight 2\n" +
        "  helix quota set --principal acme --client-id loader --produce-rate 1MB --produce-burst 256KiB\n" +
        "  helix quota set --default-client-id --request-rate 100\n" +
        "  helix quota set --principal acme --client-id loader --topic orders --produce-rate 512KiB\n" +
        "  helix quota set --cluster --produce-rate 100MB --fetch-rate 200MB",
    )
    .action(async (options: SetOptions, command: Command) => {
      const entity = quotaEntityOf(options);
      const limits: QuotaLimits = {
        produceBytesPerSecond: options.produceRate ?? 0,
        fetchBytesPerSecond: options.fetchRate ?? 0,
        requestsPerSecond: options.requestRate ?? 0,
        produceBurstBytes: options.produceBurst ?? 0,
        fetchBurstBytes: options.fetchBurst ?? 0,
        requestBurst: options.requestBurst ?? 0,
        weight: options.weight ?? 0,
      };
      await withPool(command, async (pool, global) => {
        const stored = await followLeader(pool, (client) => client.setQuota(entity, limits));
        if (global.json) printJson(stored);
        else printLine(`set the quota of ${describeEntity(stored.entity)}: ${describeLimits(stored)}`);
      });
    });

  quota
    .command("list")
    .description("list every quota")
    .addHelpText("after", "\nExamples:\n  helix quota list\n  helix quota list --json")
    .action(async (_options: unknown, command: Command) => {
      await withPool(command, async (pool, global) => {
        const quotas = await followLeader(pool, (client) => client.listQuotas());
        if (global.json) printJson(quotas);
        else if (quotas.length === 0)
          printLine("no quotas; set one with `helix quota set --principal NAME ...`");
        else
          printTable(
            [
              "principal",
              "client id",
              "topic",
              "produce B/s",
              "produce burst",
              "fetch B/s",
              "fetch burst",
              "requests/s",
              "request burst",
              "weight",
            ],
            quotas.map((entry) => [
              entry.entity.cluster === true
                ? "(cluster)"
                : entry.entity.principal === ""
                  ? "(default)"
                  : entry.entity.principal,
              entry.entity.cluster === true ? "-" : clientCell(entry.entity.clientId),
              entry.entity.cluster === true ? "-" : topicCell(entry.entity.topic),
              unlimitedIfZero(entry.limits.produceBytesPerSecond),
              dashIfZero(entry.limits.produceBurstBytes),
              unlimitedIfZero(entry.limits.fetchBytesPerSecond),
              dashIfZero(entry.limits.fetchBurstBytes),
              unlimitedIfZero(entry.limits.requestsPerSecond),
              dashIfZero(entry.limits.requestBurst),
              weightCell(entry),
            ]),
          );
      });
    });

  withEntityOptions(quota.command("delete"))
    .description("delete the quota of the cluster, a principal, a client id or a topic")
    .addHelpText(
      "after",
      `${entityHelp}\n\nExamples:\n  helix quota delete --principal acme\n  helix quota delete --principal acme --client-id loader\n` +
        "  helix quota delete --principal acme --client-id loader --topic orders\n  helix quota delete --cluster",
    )
    .action(async (options: EntityOptions, command: Command) => {
      const entity = quotaEntityOf(options);
      await withPool(command, async (pool, global) => {
        const deleted = await followLeader(pool, (client) => client.deleteQuota(entity));
        if (global.json) printJson({ deleted });
        else
          printLine(
            deleted
              ? `deleted the quota of ${describeEntity(entity)}`
              : `${describeEntity(entity)} had no quota`,
          );
      });
    });
}

function withEntityOptions(command: Command): Command {
  return command
    .option("--principal <name>", "the principal (omitted: the default principal)")
    .option("--client-id <id>", "a client id of the principal")
    .option("--default-client-id", "the default quota of each client id of the principal")
    .option("--topic <name>", "a topic: the client id's (or each client id's) use of it")
    .option("--default-topic", "the default quota of each topic, per client id")
    .option("--cluster", "the cluster level: the total of every principal on each node");
}

/** The entity the options name; contradictory or empty options are usage errors. */
export function quotaEntityOf(options: EntityOptions): QuotaEntity {
  if (options.cluster === true) {
    const others = (
      [
        ["--principal", options.principal],
        ["--client-id", options.clientId],
        ["--default-client-id", options.defaultClientId],
        ["--topic", options.topic],
        ["--default-topic", options.defaultTopic],
      ] as const
    ).filter(([, value]) => value !== undefined && value !== false);
    if (others.length > 0) {
      throw new UsageError(
        `--cluster is the total of every principal; it cannot be combined with ${others.map(([flag]) => flag).join(", ")}`,
      );
    }
    return { cluster: true };
  }
  if (options.clientId !== undefined && options.defaultClientId === true) {
    throw new UsageError("give --client-id or --default-client-id, not both");
  }
  if (options.topic !== undefined && options.defaultTopic === true) {
    throw new UsageError("give --topic or --default-topic, not both");
  }
  if (options.principal === "")
    throw new UsageError("--principal needs a name; omit it for the default principal");
  if (options.clientId === "")
    throw new UsageError("--client-id needs an id; use --default-client-id for the default");
  if (options.topic === "") throw new UsageError("--topic needs a name; use --default-topic for the default");
  const clientId = options.defaultClientId === true ? "" : options.clientId;
  const topic = options.defaultTopic === true ? "" : options.topic;
  return {
    principal: options.principal ?? "",
    ...(clientId === undefined ? {} : { clientId }),
    ...(topic === undefined ? {} : { topic }),
  };
}

const sizeUnits: Readonly<Record<string, number>> = {
  "": 1,
  k: 1000,
  kb: 1000,
  kib: 1024,
  m: 1000 ** 2,
  mb: 1000 ** 2,
  mib: 1024 ** 2,
  g: 1000 ** 3,
  gb: 1000 ** 3,
  gib: 1024 ** 3,
};

/** A whole number with an optional unit: KB/MB/GB are powers of 1000, KiB/MiB/GiB of 1024. */
export function parseSize(flag: string) {
  return (value: string): number => {
    const match = /^(\d+)\s*([a-z]*)$/i.exec(value.trim());
    const unit = sizeUnits[(match?.[2] ?? "").toLowerCase()];
    const parsed = match === null || unit === undefined ? Number.NaN : Number(match[1]) * unit;
    if (!Number.isSafeInteger(parsed)) {
      throw new UsageError(
        `${flag} must be a whole number with an optional unit (KB, MiB, ...), got "${value}"`,
      );
    }
    return parsed;
  };
}

export function describeEntity(entity: QuotaEntity): string {
  if (entity.cluster === true) return "the cluster (every principal together)";
  const principal =
    entity.principal === undefined || entity.principal === ""
      ? "the default principal"
      : `principal ${entity.principal}`;
  const client =
    entity.clientId === undefined && entity.topic === undefined
      ? principal
      : `${entity.clientId === undefined || entity.clientId === "" ? "each client id" : `client id ${entity.clientId}`} of ${principal}`;
  if (entity.topic === undefined) return client;
  return `${entity.topic === "" ? "each topic" : `topic ${entity.topic}`} for ${client}`;
}

function describeLimits(quota: Quota): string {
  const parts: string[] = [];
  const { limits } = quota;
  if (limits.produceBytesPerSecond > 0)
    parts.push(`produce ${limits.produceBytesPerSecond} B/s (burst ${limits.produceBurstBytes})`);
  if (limits.fetchBytesPerSecond > 0)
    parts.push(`fetch ${limits.fetchBytesPerSecond} B/s (burst ${limits.fetchBurstBytes})`);
  if (limits.requestsPerSecond > 0)
    parts.push(`${limits.requestsPerSecond} requests/s (burst ${limits.requestBurst})`);
  if (limits.weight > 0) parts.push(`weight ${limits.weight}`);
  return parts.join(", ");
}

function clientCell(clientId: string | undefined): string {
  if (clientId === undefined) return "(all, shared)";
  return clientId === "" ? "(default)" : clientId;
}

/** Only a named principal's own quota has a weight (default 1); elsewhere the column does not apply. */
function weightCell(quota: Quota): string {
  const { entity, limits } = quota;
  const principalOwn =
    entity.cluster !== true &&
    entity.principal !== "" &&
    entity.clientId === undefined &&
    entity.topic === undefined;
  if (!principalOwn) return "-";
  return limits.weight === 0 ? "1" : String(limits.weight);
}

function topicCell(topic: string | undefined): string {
  if (topic === undefined) return "(all)";
  return topic === "" ? "(default)" : topic;
}

function unlimitedIfZero(value: number): string {
  return value === 0 ? "unlimited" : String(value);
}

function dashIfZero(value: number): string {
  return value === 0 ? "-" : String(value);
}
