/**
 * The controller state machine (group 0):
 *   - a bootstrapped cluster creates topics whose partitions get fresh Raft group ids (after the
 *     progress groups) and balanced replicas from routing's placement;
 *   - commands replayed on another replica produce the same state (apply is a pure function);
 *   - duplicates, unknown topics, bad names, bad configs and bad replica lists are typed results that
 *     change nothing;
 *   - producer-id blocks never overlap;
 *   - a snapshot restores the same state and detects corruption.
 */
import { HelixError, type NodeId, nodeId, SeededRng } from "@helixlog/core";
import { describe, expect, it } from "vitest";
import {
  type ControllerCommand,
  ControllerState,
  type NodeRecord,
  planAlterTopic,
  planCreateTopic,
  randomTopicId,
  validateTopicName,
} from "./controller-state.js";
import { effectiveTopicConfig, validateTopicConfig } from "./topic-config.js";

const nodes: NodeRecord[] = [1, 2, 3].map((id) => ({
  nodeId: nodeId(id),
  kafkaAddress: `127.0.0.1:${9091 + id}`,
  grpcAddress: `127.0.0.1:${9189 + id}`,
  peerAddress: `127.0.0.1:${9289 + id}`,
  rack: undefined,
}));

function bootstrapped(): { state: ControllerState; log: ControllerCommand[] } {
  const state = new ControllerState();
  const log: ControllerCommand[] = [
    { type: "bootstrap", clusterId: "test", voters: nodes.map((n) => n.nodeId), progressGroupCount: 8 },
    ...nodes.map((node): ControllerCommand => ({ type: "registerNode", node })),
  ];
  for (const command of log) expect(state.apply(command).ok).toBe(true);
  return { state, log };
}

function run(state: ControllerState, log: ControllerCommand[], command: ControllerCommand) {
  log.push(command);
  return state.apply(command);
}

describe("ControllerState", () => {
  it("creates topics with fresh group ids after the progress groups and balanced replicas", () => {
    const { state, log } = bootstrapped();
    const rng = new SeededRng(1);
    run(
      state,
      log,
      planCreateTopic(state, { name: "orders", partitions: 6, replicationFactor: 3 }, nodes, rng),
    );
    run(
      state,
      log,
      planCreateTopic(state, { name: "audit", partitions: 3, replicationFactor: 2 }, nodes, rng),
    );
    const orders = state.topic("orders")!;
    expect(orders.partitions.map((p) => p.group)).toEqual([9, 10, 11, 12, 13, 14]);
    expect(state.topic("audit")!.partitions.map((p) => p.group)).toEqual([15, 16, 17]);
    const leaders = new Map<NodeId, number>();
    for (const partition of orders.partitions) {
      expect(new Set(partition.replicas).size).toBe(3);
      leaders.set(partition.replicas[0]!, (leaders.get(partition.replicas[0]!) ?? 0) + 1);
    }
    expect([...leaders.values()]).toEqual([2, 2, 2]);
    expect(state.groupsOn(nodeId(1)).length).toBeGreaterThanOrEqual(6 + 1);
  });

  it("reaches the same state on every replica that applies the same log", () => {
    const { state, log } = bootstrapped();
    const rng = new SeededRng(2);
    run(
      state,
      log,
      planCreateTopic(
        state,
        { name: "a", partitions: 4, replicationFactor: 3, config: { "retention.ms": "1000" } },
        nodes,
        rng,
      ),
    );
    run(state, log, {
      type: "createPartitions",
      name: "a",
      assignments: [[nodeId(2), nodeId(3), nodeId(1)]],
    });
    run(state, log, {
      type: "alterTopicConfig",
      name: "a",
      set: { "segment.bytes": "2097152" },
      remove: ["retention.ms"],
    });
    run(state, log, { type: "allocateProducerIds", count: 1000 });
    run(state, log, { type: "deleteTopic", name: "a" });
    run(state, log, planCreateTopic(state, { name: "b", partitions: 2, replicationFactor: 1 }, nodes, rng));
    const replica = new ControllerState();
    for (const command of structuredClone(log)) replica.apply(command);
    expect(replica.snapshot()).toEqual(state.snapshot());
  });

  it("answers bad commands with typed results and changes nothing", () => {
    const { state, log } = bootstrapped();
    run(
      state,
      log,
      planCreateTopic(state, { name: "t", partitions: 1, replicationFactor: 1 }, nodes, new SeededRng(3)),
    );
    const before = state.snapshot();
    const attempts: [ControllerCommand, string][] = [
      [
        {
          type: "createTopic",
          name: "t",
          id: randomTopicId(new SeededRng(4)),
          assignments: [[nodeId(1)]],
          config: {},
        },
        "ALREADY_EXISTS",
      ],
      [{ type: "deleteTopic", name: "missing" }, "UNKNOWN_TOPIC"],
      [
        {
          type: "createTopic",
          name: "bad name!",
          id: randomTopicId(new SeededRng(5)),
          assignments: [[nodeId(1)]],
          config: {},
        },
        "INVALID_ARGUMENT",
      ],
      [
        {
          type: "createTopic",
          name: "dup",
          id: randomTopicId(new SeededRng(6)),
          assignments: [[nodeId(1)], [nodeId(2), nodeId(2)]],
          config: {},
        },
        "INVALID_ARGUMENT",
      ],
      [
        { type: "alterTopicConfig", name: "t", set: { "retention.ms": "soon" }, remove: [] },
        "INVALID_CONFIG",
      ],
      [{ type: "allocateProducerIds", count: 0 }, "INVALID_ARGUMENT"],
      [{ type: "bootstrap", clusterId: "again", voters: [], progressGroupCount: 1 }, "ALREADY_EXISTS"],
    ];
    for (const [command, code] of attempts) {
      const result = state.apply(command);
      expect(result.ok, JSON.stringify(command)).toBe(false);
      if (!result.ok) expect(result.error.code, JSON.stringify(command)).toBe(code);
    }
    expect(state.snapshot()).toEqual(before);
  });

  it("refuses commands before bootstrap", () => {
    const result = new ControllerState().apply({ type: "allocateProducerIds", count: 1 });
    expect(!result.ok && result.error.code).toBe("UNAVAILABLE");
  });

  it("hands out producer-id blocks that never overlap", () => {
    const { state } = bootstrapped();
    const blocks = [5, 1, 1000, 7].map((count) => {
      const result = state.apply({ type: "allocateProducerIds", count });
      if (!result.ok || result.firstProducerId === undefined) throw new Error("allocation failed");
      return [result.firstProducerId, result.firstProducerId + count] as const;
    });
    for (let i = 1; i < blocks.length; i++) expect(blocks[i]![0]).toBe(blocks[i - 1]![1]);
  });

  it("plans with the errors Kafka's CreateTopics gives", () => {
    const { state } = bootstrapped();
    const rng = new SeededRng(7);
    const expectCode = (attempt: () => unknown, code: string) => {
      try {
        attempt();
        expect.unreachable();
      } catch (error) {
        expect(HelixError.is(error, code as never), String(error)).toBe(true);
      }
    };
    expectCode(
      () => planCreateTopic(state, { name: "x", partitions: 1, replicationFactor: 4 }, nodes, rng),
      "INVALID_REPLICATION_FACTOR",
    );
    expectCode(
      () => planCreateTopic(state, { name: "x", partitions: 0, replicationFactor: 1 }, nodes, rng),
      "INVALID_PARTITIONS",
    );
    expectCode(
      () =>
        planCreateTopic(
          state,
          { name: "x", partitions: 1, replicationFactor: 1, config: { "no.such": "1" } },
          nodes,
          rng,
        ),
      "INVALID_CONFIG",
    );
    expectCode(() => validateTopicName(".."), "INVALID_ARGUMENT");
    expectCode(() => validateTopicName("a".repeat(250)), "INVALID_ARGUMENT");
  });

  it("restores from a snapshot and rejects a corrupted one", () => {
    const { state } = bootstrapped();
    state.apply(
      planCreateTopic(state, { name: "s", partitions: 3, replicationFactor: 3 }, nodes, new SeededRng(8)),
    );
    const bytes = state.snapshot();
    const restored = ControllerState.restore(bytes);
    expect(restored.snapshot()).toEqual(bytes);
    expect(restored.topic("s")).toEqual(state.topic("s"));
    const corrupted = bytes.slice();
    corrupted[corrupted.length - 2] = (corrupted[corrupted.length - 2] as number) ^ 1;
    expect(() => ControllerState.restore(corrupted)).toThrowError(/CRC32C/);
  });
});

describe("topic config", () => {
  it("fills defaults and validates overrides", () => {
    const effective = effectiveTopicConfig(validateTopicConfig({ "retention.ms": "60000" }));
    expect(effective["retention.ms"]).toBe("60000");
    expect(effective["cleanup.policy"]).toBe("delete");
    expect(() => validateTopicConfig({ "cleanup.policy": "compact" })).toThrowError(/one of delete/);
    expect(() => validateTopicConfig({ "min.insync.replicas": "0" })).toThrowError(/from 1/);
    expect(() => validateTopicConfig({ "remote.storage.enable": "yes" })).toThrowError(/true or false/);
  });

  it("refuses to turn tiering off on a topic once it is on, under either config name", () => {
    const { state, log } = bootstrapped();
    const rng = new SeededRng(9);
    const create = (name: string, config: Record<string, string>) =>
      run(
        state,
        log,
        planCreateTopic(state, { name, partitions: 1, replicationFactor: 3, config }, nodes, rng),
      );
    create("tiered", { "tiering.enabled": "true" });
    create("kafka-tiered", { "remote.storage.enable": "true" });
    create("local", {});
    const refusal = (alter: () => unknown) => {
      try {
        alter();
      } catch (error) {
        return HelixError.isInstance(error) ? error : undefined;
      }
      return undefined;
    };
    // On the leader, before anything is proposed: off, or the key removed, are refused.
    for (const request of [
      { name: "tiered", setConfigs: { "tiering.enabled": "false" } },
      { name: "tiered", removeConfigs: ["tiering.enabled"] },
      { name: "kafka-tiered", setConfigs: { "remote.storage.enable": "false" } },
    ]) {
      const error = refusal(() => planAlterTopic(state, request, nodes, rng));
      expect(error?.code, JSON.stringify(request)).toBe("INVALID_CONFIG");
      expect(error?.message).toMatch(/cannot be turned off on topic/);
    }
    // Applying such a command (from an older leader) is refused too and changes nothing.
    const before = state.snapshot();
    const applied = state.apply({
      type: "alterTopicConfig",
      name: "tiered",
      set: {},
      remove: ["tiering.enabled"],
    });
    expect(applied.ok).toBe(false);
    expect(state.snapshot()).toEqual(before);
    // Still on under the other name: allowed. Turning it on, and other changes, are allowed.
    for (const command of [
      ...planAlterTopic(
        state,
        {
          name: "tiered",
          setConfigs: { "remote.storage.enable": "true" },
          removeConfigs: ["tiering.enabled"],
        },
        nodes,
        rng,
      ),
      ...planAlterTopic(state, { name: "local", setConfigs: { "tiering.enabled": "true" } }, nodes, rng),
      ...planAlterTopic(state, { name: "kafka-tiered", setConfigs: { "retention.ms": "60000" } }, nodes, rng),
    ])
      expect(run(state, log, command).ok).toBe(true);
    expect(state.topic("tiered")?.config).toEqual({ "remote.storage.enable": "true" });
    expect(state.topic("local")?.config).toEqual({ "tiering.enabled": "true" });
  });
});
