/**
 * Peer transport choice (issue 7): framed TCP (our PeerTransport) against a gRPC bidirectional stream,
 * on loopback, same process, same frames. Two numbers per transport:
 *   - throughput: frames of 1 KiB and 64 KiB pushed one way as fast as the receiver drains them;
 *   - round trip: one 200-byte frame and its echo, sequentially (the latency of a Raft append/ack).
 * The physical reference is raw loopback TCP: one socket, large writes, no framing.
 *
 *   npx tsx packages/server/bench/peer-transport-bench.ts
 */
import { connect, createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as grpc from "@grpc/grpc-js";
import * as protoLoader from "@grpc/proto-loader";
import { nodeId } from "@helixlog/core";
import { PeerTransport } from "../src/edges/peer-transport.js";

const host = "127.0.0.1";
const throughputBudgetMs = 2_000;
const roundTrips = 2_000;

interface Row {
  transport: string;
  frameBytes: number;
  framesPerSecond: number;
  megabytesPerSecond: number;
}

async function rawTcpThroughput(frameBytes: number): Promise<Row> {
  let received = 0;
  const server = createServer((socket) => socket.on("data", (chunk) => (received += chunk.length)));
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const port = (server.address() as { port: number }).port;
  const socket = connect({ host, port });
  await new Promise((resolve) => socket.once("connect", resolve));
  const chunk = Buffer.alloc(frameBytes * 64);
  const started = performance.now();
  let sent = 0;
  while (performance.now() - started < throughputBudgetMs) {
    if (!socket.write(chunk)) await new Promise((resolve) => socket.once("drain", resolve));
    sent += chunk.length;
  }
  while (received < sent) await new Promise((resolve) => setImmediate(resolve));
  const seconds = (performance.now() - started) / 1000;
  socket.destroy();
  server.close();
  return row("raw TCP (limit)", frameBytes, received / frameBytes / seconds);
}

function row(transport: string, frameBytes: number, framesPerSecond: number): Row {
  return {
    transport,
    frameBytes,
    framesPerSecond: Math.round(framesPerSecond),
    megabytesPerSecond: Math.round((framesPerSecond * frameBytes) / 1e6),
  };
}

async function peerPair(): Promise<[PeerTransport, PeerTransport]> {
  const probeA = await PeerTransport.start({
    nodeId: nodeId(1),
    listen: { host, port: 0 },
    peers: new Map(),
  });
  const probeB = await PeerTransport.start({
    nodeId: nodeId(2),
    listen: { host, port: 0 },
    peers: new Map(),
  });
  const peers = new Map([
    [nodeId(1), { host, port: probeA.port }],
    [nodeId(2), { host, port: probeB.port }],
  ]);
  await probeA.close();
  await probeB.close();
  const a = await PeerTransport.start({ nodeId: nodeId(1), listen: peers.get(nodeId(1))!, peers });
  const b = await PeerTransport.start({ nodeId: nodeId(2), listen: peers.get(nodeId(2))!, peers });
  while (!a.isConnected(nodeId(2))) await new Promise((resolve) => setTimeout(resolve, 5));
  return [a, b];
}

async function framedThroughput(frameBytes: number): Promise<Row> {
  const [a, b] = await peerPair();
  let received = 0;
  b.setReceiver(() => received++);
  const frame = new Uint8Array(frameBytes);
  const window = Math.max(16, Math.floor((4 * 1024 * 1024) / frameBytes));
  let sent = 0;
  const started = performance.now();
  while (performance.now() - started < throughputBudgetMs) {
    // Keep a bounded window in flight, as Raft's inflight limit does.
    while (sent - received < window) {
      a.send(nodeId(2), frame);
      sent++;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  while (received < sent) await new Promise((resolve) => setImmediate(resolve));
  const seconds = (performance.now() - started) / 1000;
  await a.close();
  await b.close();
  return row("framed TCP (PeerTransport)", frameBytes, received / seconds);
}

async function framedRoundTrip(): Promise<number[]> {
  const [a, b] = await peerPair();
  b.setReceiver((from, frame) => b.send(from, frame));
  let resolveEcho: () => void = () => {};
  a.setReceiver(() => resolveEcho());
  const frame = new Uint8Array(200);
  const latencies: number[] = [];
  for (let i = 0; i < roundTrips; i++) {
    const started = performance.now();
    const echoed = new Promise<void>((resolve) => (resolveEcho = resolve));
    a.send(nodeId(2), frame);
    await echoed;
    latencies.push(performance.now() - started);
  }
  await a.close();
  await b.close();
  return latencies;
}

function loadGrpc() {
  const definition = protoLoader.loadSync(join(dirname(fileURLToPath(import.meta.url)), "peer-bench.proto"));
  // biome-ignore lint/suspicious/noExplicitAny: proto-loader's package definition is untyped.
  return (grpc.loadPackageDefinition(definition) as any).helix.bench;
}

async function grpcPair(onFrame: (payload: Buffer, call: grpc.ServerDuplexStream<unknown, unknown>) => void) {
  const bench = loadGrpc();
  const server = new grpc.Server();
  server.addService(bench.PeerBench.service, {
    Exchange: (call: grpc.ServerDuplexStream<{ payload: Buffer }, unknown>) => {
      call.on("data", (message: { payload: Buffer }) => onFrame(message.payload, call as never));
      call.on("end", () => call.end());
    },
  });
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${host}:0`, grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  const client = new bench.PeerBench(`${host}:${port}`, grpc.credentials.createInsecure());
  const call: grpc.ClientDuplexStream<unknown, { payload: Buffer }> = client.Exchange();
  // Closing cancels the stream; that is expected here, not an error worth crashing the benchmark.
  call.on("error", () => {});
  return {
    call,
    close: () => {
      call.end();
      client.close();
      server.forceShutdown();
    },
  };
}

async function grpcThroughput(frameBytes: number): Promise<Row> {
  let received = 0;
  const { call, close } = await grpcPair(() => received++);
  const frame = Buffer.alloc(frameBytes);
  const window = Math.max(16, Math.floor((4 * 1024 * 1024) / frameBytes));
  let sent = 0;
  const started = performance.now();
  while (performance.now() - started < throughputBudgetMs) {
    // The window bounds what is buffered; grpc-js buffers writes past its high-water mark.
    while (sent - received < window) {
      call.write({ payload: frame });
      sent++;
    }
    await new Promise((resolve) => setImmediate(resolve));
  }
  while (received < sent) await new Promise((resolve) => setImmediate(resolve));
  const seconds = (performance.now() - started) / 1000;
  close();
  return row("gRPC bidi stream", frameBytes, received / seconds);
}

async function grpcRoundTrip(): Promise<number[]> {
  const { call, close } = await grpcPair((payload, serverCall) => serverCall.write({ payload }));
  let resolveEcho: () => void = () => {};
  call.on("data", () => resolveEcho());
  const frame = Buffer.alloc(200);
  const latencies: number[] = [];
  for (let i = 0; i < roundTrips; i++) {
    const started = performance.now();
    const echoed = new Promise<void>((resolve) => (resolveEcho = resolve));
    call.write({ payload: frame });
    await echoed;
    latencies.push(performance.now() - started);
  }
  close();
  return latencies;
}

function percentile(values: number[], fraction: number): string {
  const sorted = [...values].sort((x, y) => x - y);
  return (sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * fraction))] ?? 0).toFixed(3);
}

const rows: Row[] = [];
for (const frameBytes of [1024, 65536]) {
  rows.push(await rawTcpThroughput(frameBytes));
  rows.push(await framedThroughput(frameBytes));
  rows.push(await grpcThroughput(frameBytes));
}
console.log("| transport | frame bytes | frames/s | MB/s |");
console.log("|---|---:|---:|---:|");
for (const r of rows)
  console.log(`| ${r.transport} | ${r.frameBytes} | ${r.framesPerSecond} | ${r.megabytesPerSecond} |`);
const framed = await framedRoundTrip();
const viaGrpc = await grpcRoundTrip();
console.log("\n| transport | round trip p50 ms | p99 ms |");
console.log("|---|---:|---:|");
console.log(`| framed TCP (PeerTransport) | ${percentile(framed, 0.5)} | ${percentile(framed, 0.99)} |`);
console.log(`| gRPC bidi stream | ${percentile(viaGrpc, 0.5)} | ${percentile(viaGrpc, 0.99)} |`);
