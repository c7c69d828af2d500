/** TEST ONLY: a Kafka listener on 127.0.0.1 (random port) over a fresh MemoryBackend. */
import { SeededRng } from "@helixlog/core";
import type { BrokerLogger } from "../../src/broker/context.js";
import { type KafkaListener, startKafkaListener } from "../../src/broker/listener.js";
import { MemoryBackend } from "./memory-backend.js";

export interface MemoryBroker {
  readonly backend: MemoryBackend;
  readonly listener: KafkaListener;
  readonly address: string;
  readonly logged: { level: "warn" | "error"; message: string; details: unknown }[];
  close(): Promise<void>;
}

export async function startMemoryBroker(
  options: { inFlightRequestsMax?: number; frameBytesMax?: number; idleTimeoutMs?: number } = {},
): Promise<MemoryBroker> {
  const backend = new MemoryBackend();
  const logged: MemoryBroker["logged"] = [];
  const logger: BrokerLogger = {
    warn: (message, details) => logged.push({ level: "warn", message, details }),
    error: (message, details) => logged.push({ level: "error", message, details }),
  };
  const listener = await startKafkaListener({
    backend,
    host: "127.0.0.1",
    port: 0,
    logger,
    rng: new SeededRng(7),
    ...options,
  });
  backend.advertise(listener.host, listener.port);
  return {
    backend,
    listener,
    address: `${listener.host}:${listener.port}`,
    logged,
    close: async () => {
      await listener.close();
      backend.close();
    },
  };
}
