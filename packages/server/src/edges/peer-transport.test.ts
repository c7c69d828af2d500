/**
 * The peer transport (framed TCP, one connection per node pair):
 *   - frames reach the right peer in order, in both directions over the one connection;
 *   - frames sent in one event-loop turn leave in one socket write (batching);
 *   - a restarted peer is re-dialled and later frames get through;
 *   - garbage, a wrong handshake and an oversized length close the connection without harming the node;
 *   - the per-peer queue is bounded: frames past it are dropped and counted.
 * Servers listen on 127.0.0.1 port 0; every wait is on a condition with a deadline, never a sleep.
 */
import { connect } from "node:net";
import { type NodeId, nodeId } from "@helixlog/core";
import { afterEach, describe, expect, it } from "vitest";
import { until } from "../test-support/until.js";
import { type PeerAddress, PeerTransport } from "./peer-transport.js";

const host = "127.0.0.1";
const started: PeerTransport[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((transport) => transport.close()));
});

interface Received {
  from: NodeId;
  text: string;
}

/** Starts transports for node ids 1..count on free ports, wired to each other. */
async function startCluster(count: number): Promise<{ transports: PeerTransport[]; inboxes: Received[][] }> {
  const ids = Array.from({ length: count }, (_, i) => nodeId(i + 1));
  // Reserve ports by listening first with an empty peer map, then restart with the full map.
  const probes = await Promise.all(
    ids.map((id) => PeerTransport.start({ nodeId: id, listen: { host, port: 0 }, peers: new Map() })),
  );
  const addresses = new Map<NodeId, PeerAddress>(ids.map((id, i) => [id, { host, port: probes[i]!.port }]));
  await Promise.all(probes.map((probe) => probe.close()));
  const inboxes: Received[][] = ids.map(() => []);
  const transports = await Promise.all(
    ids.map((id, i) =>
      PeerTransport.start({ nodeId: id, listen: addresses.get(id)!, peers: addresses }).then((transport) => {
        transport.setReceiver((from, frame) =>
          inboxes[i]!.push({ from, text: Buffer.from(frame).toString() }),
        );
        started.push(transport);
        return transport;
      }),
    ),
  );
  return { transports, inboxes };
}

const text = (value: string) => new TextEncoder().encode(value);

describe("PeerTransport", () => {
  it("delivers frames in order, both ways, over one connection per pair", async () => {
    const { transports, inboxes } = await startCluster(3);
    const [one, two, three] = transports as [PeerTransport, PeerTransport, PeerTransport];
    await until(
      () => one.isConnected(nodeId(2)) && one.isConnected(nodeId(3)) && two.isConnected(nodeId(3)),
      "mesh",
    );
    for (let i = 0; i < 100; i++) {
      one.send(nodeId(2), text(`1->2 #${i}`));
      three.send(nodeId(1), text(`3->1 #${i}`));
      two.send(nodeId(1), text(`2->1 #${i}`));
    }
    await until(() => inboxes[1]!.length === 100 && inboxes[0]!.length === 200, "deliveries");
    expect(inboxes[1]!.map((r) => r.text)).toEqual(Array.from({ length: 100 }, (_, i) => `1->2 #${i}`));
    expect(inboxes[0]!.filter((r) => r.from === 3).map((r) => r.text)).toEqual(
      Array.from({ length: 100 }, (_, i) => `3->1 #${i}`),
    );
    expect(inboxes[0]!.filter((r) => r.from === 2)).toHaveLength(100);
    expect(inboxes[2]).toEqual([]);
  });

  it("batches frames sent in one event-loop turn into one write", async () => {
    const { transports, inboxes } = await startCluster(2);
    const one = transports[0]!;
    await until(() => one.isConnected(nodeId(2)), "connection");
    const writesBefore = one.stats.writes;
    for (let i = 0; i < 500; i++) one.send(nodeId(2), text(`frame ${i}`));
    await until(() => inboxes[1]!.length === 500, "deliveries");
    expect(one.stats.writes - writesBefore).toBe(1);
    expect(one.stats.framesSent).toBe(500);
  });

  it("re-dials a restarted peer and delivers frames sent after it returns", async () => {
    const { transports, inboxes } = await startCluster(2);
    const [one, two] = transports as [PeerTransport, PeerTransport];
    await until(() => one.isConnected(nodeId(2)), "first connection");
    const port = two.port;
    await two.close();
    await until(() => !one.isConnected(nodeId(2)), "disconnect noticed");
    const revived = await PeerTransport.start({
      nodeId: nodeId(2),
      listen: { host, port },
      peers: new Map([[nodeId(1), { host, port: one.port }]]),
    });
    started.push(revived);
    const revivedInbox: string[] = [];
    revived.setReceiver((_from, frame) => revivedInbox.push(Buffer.from(frame).toString()));
    await until(() => one.isConnected(nodeId(2)), "reconnection");
    one.send(nodeId(2), text("after restart"));
    revived.send(nodeId(1), text("hello again"));
    await until(() => revivedInbox.length === 1 && inboxes[0]!.length === 1, "deliveries after restart");
    expect(revivedInbox).toEqual(["after restart"]);
    expect(inboxes[0]![0]!.text).toBe("hello again");
    expect(one.stats.reconnects).toBeGreaterThan(0);
  });

  it("closes connections that send garbage, a wrong handshake or an oversized length, and keeps serving", async () => {
    const { transports, inboxes } = await startCluster(2);
    const two = transports[1]!;
    const attempts = [
      Buffer.from("GET / HTTP/1.1\r\nHost: x\r\n\r\n"),
      Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0]),
      // A well-formed frame whose handshake claims to be node 3, which is not a peer.
      Buffer.concat([Buffer.from([0, 0, 0, 14, 0, 0, 0, 0]), Buffer.alloc(14)]),
    ];
    for (const attempt of attempts) {
      const socket = connect({ host, port: two.port });
      let closed = false;
      socket.on("error", () => {});
      socket.on("close", () => {
        closed = true;
      });
      socket.write(attempt);
      await until(() => closed, "the node to close a bad connection");
    }
    transports[0]!.send(nodeId(2), text("still works"));
    await until(() => inboxes[1]!.length === 1, "delivery after bad connections");
  });

  it("drops frames past the per-peer queue bound and counts them", async () => {
    // Node 1 has a peer address nobody listens on, so its frames can only queue.
    const lonely = await PeerTransport.start({
      nodeId: nodeId(1),
      listen: { host, port: 0 },
      peers: new Map([[nodeId(2), { host, port: 1 }]]),
    });
    started.push(lonely);
    const frame = new Uint8Array(1024 * 1024);
    for (let i = 0; i < 80; i++) lonely.send(nodeId(2), frame);
    expect(lonely.stats.framesDropped).toBe(80 - 64);
    lonely.send(nodeId(9), frame);
    expect(lonely.stats.framesDropped).toBe(80 - 64 + 1);
  });
});
