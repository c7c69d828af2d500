import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { collectDefaultMetrics, Registry } from "prom-client";
import type { HostPort } from "./node-config.js";

/**
 * The node's HTTP endpoint: `GET /metrics` in Prometheus text format (prom-client, with Node's process
 * metrics) and `GET /health`, which answers 200 when the node is serving and 503 otherwise, with a JSON
 * body saying why. Anything else is 404; only GET and HEAD are allowed.
 */

export interface HealthReport {
  /** True when the node can serve clients. */
  readonly healthy: boolean;
  /** Free-form facts for operators (node id, leader of the controller, groups led, ...). */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface HttpServerOptions {
  readonly address: HostPort;
  readonly registry: Registry;
  readonly health: () => HealthReport;
}

/** A registry with Node's default process metrics, prefixed `helix_`. */
export function createMetricsRegistry(labels: Readonly<Record<string, string>> = {}): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ ...labels });
  collectDefaultMetrics({ register: registry, prefix: "helix_" });
  return registry;
}

export class HttpServer {
  private constructor(private readonly server: Server) {}

  static async start(options: HttpServerOptions): Promise<HttpServer> {
    const server = createServer((request, response) => {
      handle(options, request, response).catch((error: unknown) => {
        response.writeHead(500, { "content-type": "text/plain" });
        response.end(`internal error: ${(error as Error).message}\n`);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(options.address.port, options.address.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    return new HttpServer(server);
  }

  get port(): number {
    const address = this.server.address();
    return typeof address === "object" && address !== null ? address.port : 0;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

async function handle(
  options: HttpServerOptions,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  if (request.method !== "GET" && request.method !== "HEAD") {
    response.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain" });
    response.end("method not allowed\n");
    return;
  }
  const path = (request.url ?? "/").split("?")[0];
  if (path === "/metrics") {
    const body = await options.registry.metrics();
    response.writeHead(200, { "content-type": options.registry.contentType });
    response.end(request.method === "HEAD" ? undefined : body);
    return;
  }
  if (path === "/health") {
    const report = options.health();
    response.writeHead(report.healthy ? 200 : 503, { "content-type": "application/json" });
    response.end(JSON.stringify({ status: report.healthy ? "ok" : "unavailable", ...report.details }));
    return;
  }
  response.writeHead(404, { "content-type": "text/plain" });
  response.end("not found: try /metrics or /health\n");
}
