/**
 * The Kafka listener: a TCP server whose every connection speaks the Kafka protocol against one backend.
 * `startKafkaListener` resolves once it is listening; `close()` stops accepting, drops connections and
 * stops the coordinator's clock.
 */
import { createServer, type Server, type Socket } from "node:net";
import { HelixError, limits, type Rng, SeededRng } from "@helixlog/core";
import type { KafkaBackend } from "../backend.js";
import { requestFrameBytesMax } from "../protocol/limits.js";
import { KafkaConnection } from "./connection.js";
import type { BrokerLogger } from "./context.js";
import { CoordinatorDriver } from "./coordinator-driver.js";
import { apiHandlers } from "./handlers/index.js";

export interface KafkaListenerOptions {
  readonly backend: KafkaBackend;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly logger?: BrokerLogger;
  /** Seeds member ids; defaults to a time-seeded generator (member ids need only be unique). */
  readonly rng?: Rng;
  readonly autoCreateTopics?: boolean;
  readonly frameBytesMax?: number;
  readonly inFlightRequestsMax?: number;
  /** Kafka's connections.max.idle.ms; defaults to `kafkaConnectionIdleMs`. */
  readonly idleTimeoutMs?: number;
  /** Kafka's group.initial.rebalance.delay.ms; defaults to `kafkaGroupInitialRebalanceDelayMs` (3 s). */
  readonly groupInitialRebalanceDelayMs?: number;
}

export interface KafkaListener {
  readonly host: string;
  readonly port: number;
  readonly coordinator: CoordinatorDriver;
  close(): Promise<void>;
}

const consoleLogger: BrokerLogger = {
  warn: (message, details) => console.warn(message, details ?? {}),
  error: (message, details) => console.error(message, details ?? {}),
};

/** Rejects options a listener cannot honour, naming the bound (a bad flag must fail loudly at start). */
export function validateListenerOptions(options: KafkaListenerOptions): void {
  const problems: string[] = [];
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65_535)
    problems.push(`port must be 0..65535, got ${options.port}`);
  const frameBytesMax = options.frameBytesMax ?? requestFrameBytesMax;
  if (!Number.isInteger(frameBytesMax) || frameBytesMax < 1 || frameBytesMax > requestFrameBytesMax)
    problems.push(`frameBytesMax must be 1..${requestFrameBytesMax}, got ${frameBytesMax}`);
  const inFlight = options.inFlightRequestsMax ?? limits.kafkaInFlightRequestsPerConnectionMax;
  if (!Number.isInteger(inFlight) || inFlight < 1 || inFlight > limits.kafkaInFlightRequestsPerConnectionMax)
    problems.push(
      `inFlightRequestsMax must be 1..${limits.kafkaInFlightRequestsPerConnectionMax}, got ${inFlight}`,
    );
  const idle = options.idleTimeoutMs ?? limits.kafkaConnectionIdleMs;
  if (!Number.isInteger(idle) || idle < 1 || idle > limits.kafkaConnectionIdleMs)
    problems.push(`idleTimeoutMs must be 1..${limits.kafkaConnectionIdleMs}, got ${idle}`);
  const delay = options.groupInitialRebalanceDelayMs ?? limits.kafkaGroupInitialRebalanceDelayMs;
  if (!Number.isInteger(delay) || delay < 0 || delay > limits.kafkaRebalanceTimeoutMsMax)
    problems.push(
      `groupInitialRebalanceDelayMs must be 0..${limits.kafkaRebalanceTimeoutMsMax}, got ${delay}`,
    );
  if (problems.length > 0)
    throw new HelixError("INVALID_ARGUMENT", `invalid Kafka listener options: ${problems.join("; ")}`);
}

export async function startKafkaListener(options: KafkaListenerOptions): Promise<KafkaListener> {
  validateListenerOptions(options);
  const logger = options.logger ?? consoleLogger;
  const coordinator = new CoordinatorDriver({
    backend: options.backend,
    rng: options.rng ?? new SeededRng(Date.now()),
    logger,
    initialRebalanceDelayMs: options.groupInitialRebalanceDelayMs ?? limits.kafkaGroupInitialRebalanceDelayMs,
  });
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    if (sockets.size >= limits.kafkaConnectionsMax) return socket.destroy();
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.setNoDelay(true);
    new KafkaConnection(socket, {
      backend: options.backend,
      coordinator,
      handlers: apiHandlers,
      logger,
      autoCreateTopics: options.autoCreateTopics ?? false,
      ...(options.frameBytesMax === undefined ? {} : { frameBytesMax: options.frameBytesMax }),
      ...(options.inFlightRequestsMax === undefined
        ? {}
        : { inFlightRequestsMax: options.inFlightRequestsMax }),
      ...(options.idleTimeoutMs === undefined ? {} : { idleTimeoutMs: options.idleTimeoutMs }),
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string")
    throw new Error("the Kafka listener has no TCP address");
  return {
    host: options.host,
    port: address.port,
    coordinator,
    close: async () => {
      coordinator.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
