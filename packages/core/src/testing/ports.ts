import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/**
 * Ports for tests that must know a port before something binds it (a node's advertised Kafka address,
 * its peers, `helix dev --base-port`). The OS hands out ports for `listen(0)` and outgoing connections
 * from the ephemeral range, so a port found free there can be taken by another test's client between
 * the check and the bind. These helpers pick at random from below that range instead, where only
 * another explicit bind could take one, and never hand out a port twice in one process.
 */

/** How many random picks a search makes before it gives up with an error. */
const attemptsMax = 200;
/** The lowest port handed out (well above the privileged and the usual well-known ports). */
const lowest = 10_000;
/** The IANA ephemeral range starts here; Linux's usually does too. */
const ianaEphemeralLow = 32_768;

const handedOut = new Set<number>();
let explicitRange: readonly [number, number] | undefined;

/**
 * [low, high): the ports below the kernel's ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range),
 * at least 4,000 of them; read once per process.
 */
export function explicitPortRange(): readonly [number, number] {
  if (explicitRange !== undefined) return explicitRange;
  let ephemeralLow = ianaEphemeralLow;
  try {
    const range = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/);
    const parsed = Number(range[0]);
    if (Number.isInteger(parsed) && parsed > 1_024) ephemeralLow = parsed;
  } catch {
    // Not Linux: keep the IANA lower bound.
  }
  const high = Math.min(ephemeralLow, ianaEphemeralLow);
  explicitRange = high - 4_000 >= lowest ? [lowest, high] : [lowest, lowest + 4_000];
  return explicitRange;
}

/** Whether nothing listens on `port` on 127.0.0.1 right now (binds it and lets it go). */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolveFree) => {
    const server = createServer();
    server.once("error", () => resolveFree(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolveFree(true)));
  });
}

/** A port free right now from `explicitPortRange()`, never one this process handed out before. */
export async function freePort(): Promise<number> {
  return freePortRange(1);
}

/** The first of `count` consecutive ports that are all free right now (see `freePort`). */
export async function freePortRange(count: number): Promise<number> {
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`count must be a positive integer, got ${count}`);
  const [low, high] = explicitPortRange();
  for (let attempt = 0; attempt < attemptsMax; attempt++) {
    const first = low + Math.floor(Math.random() * (high - low - count + 1));
    const ports = Array.from({ length: count }, (_unused, index) => first + index);
    if (ports.some((port) => handedOut.has(port))) continue;
    const free = await Promise.all(ports.map(isPortFree));
    if (!free.every(Boolean)) continue;
    for (const port of ports) handedOut.add(port);
    return first;
  }
  throw new Error(
    `no ${count} consecutive free ports found in ${low}..${high - 1} after ${attemptsMax} tries`,
  );
}
