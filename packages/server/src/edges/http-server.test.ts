/**
 * The HTTP endpoint: /metrics is valid Prometheus text with the node's metrics and Node process metrics;
 * /health is 200 with a JSON body when healthy and 503 when not; other paths and methods get 404/405.
 */
import { Counter } from "prom-client";
import { afterEach, describe, expect, it } from "vitest";
import { createMetricsRegistry, type HealthReport, HttpServer } from "./http-server.js";

const servers: HttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function start(health: () => HealthReport) {
  const registry = createMetricsRegistry({ node: "1" });
  const produced = new Counter({
    name: "helix_records_produced_total",
    help: "Records produced.",
    registers: [registry],
  });
  produced.inc(42);
  const server = await HttpServer.start({ address: { host: "127.0.0.1", port: 0 }, registry, health });
  servers.push(server);
  return `http://127.0.0.1:${server.port}`;
}

describe("HttpServer", () => {
  it("serves Prometheus metrics", async () => {
    const base = await start(() => ({ healthy: true, details: {} }));
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/plain/);
    const text = await response.text();
    expect(text).toContain('helix_records_produced_total{node="1"} 42');
    expect(text).toMatch(/# TYPE helix_process_cpu_seconds_total counter/);
  });

  it("reports health as 200 or 503 with details", async () => {
    let healthy = true;
    const base = await start(() => ({
      healthy,
      details: { nodeId: 1, controllerLeader: healthy ? 1 : null },
    }));
    const ok = await fetch(`${base}/health`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok", nodeId: 1, controllerLeader: 1 });
    healthy = false;
    const down = await fetch(`${base}/health`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({ status: "unavailable" });
  });

  it("answers unknown paths with 404 and other methods with 405", async () => {
    const base = await start(() => ({ healthy: true, details: {} }));
    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: "POST" })).status).toBe(405);
  });
});
