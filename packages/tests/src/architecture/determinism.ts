import { join } from "node:path";
import { codeOnly, listSourceFiles } from "./source-files.js";

/**
 * STYLE.md rule 1: decisions are pure. These folders hold the deterministic core that the simulator
 * replays from one seed, so they may not read the clock, start timers or draw global randomness.
 */
export const deterministicRoots: readonly string[] = [
  "packages/raft/src",
  "packages/progress/src",
  "packages/flow/src",
  "packages/routing/src",
  "packages/wal/src",
  "packages/tier/src",
  "packages/server/src/node",
];

/**
 * The real-world adapters inside those folders: the WAL's filesystem disk and the tiered-storage object
 * store clients. Each entry is a path prefix relative to the repository root.
 */
export const realWorldAdapters: readonly string[] = [
  "packages/wal/src/node-disk.ts",
  "packages/wal/src/real-disk.ts",
  "packages/tier/src/stores/",
];

interface BannedCall {
  readonly pattern: RegExp;
  readonly name: string;
  readonly replacement: string;
}

export const bannedCalls: readonly BannedCall[] = [
  { pattern: /\bDate\.now\s*\(/, name: "Date.now()", replacement: "take a Clock and call clock.nowMs()" },
  {
    pattern: /\bnew\s+Date\s*\(\s*\)/,
    name: "new Date()",
    replacement: "take a Clock and call clock.nowMs()",
  },
  {
    pattern: /\bperformance\.now\s*\(/,
    name: "performance.now()",
    replacement: "take a Clock and call clock.monotonicMs()",
  },
  {
    pattern: /\bprocess\.hrtime\b/,
    name: "process.hrtime",
    replacement: "take a Clock and call clock.monotonicMs()",
  },
  {
    pattern: /\bMath\.random\s*\(/,
    name: "Math.random()",
    replacement: "take an Rng (core SeededRng) from the caller",
  },
  {
    pattern: /\b(randomUUID|randomBytes|randomInt|getRandomValues|randomFillSync|randomFill)\s*\(/,
    name: "crypto randomness",
    replacement: "take an Rng from the caller and derive ids from it",
  },
  {
    pattern: /\b(setTimeout|setInterval|setImmediate)\s*\(/,
    name: "timers",
    replacement: "count ticks driven by the host's tick() or take a scheduler from the caller",
  },
];

export interface DeterminismViolation {
  readonly where: string;
  readonly call: string;
  readonly replacement: string;
}

/** Scans the deterministic folders (tests excluded) for banned calls, naming the replacement for each. */
export function checkDeterminism(
  root: string,
  roots: readonly string[] = deterministicRoots,
  adapters: readonly string[] = realWorldAdapters,
): DeterminismViolation[] {
  const violations: DeterminismViolation[] = [];
  for (const directory of roots) {
    for (const file of listSourceFiles(root, join(root, directory))) {
      if (file.path.endsWith(".test.ts") || adapters.some((prefix) => file.path.startsWith(prefix))) continue;
      const lines = codeOnly(file.text).split("\n");
      lines.forEach((line, index) => {
        for (const banned of bannedCalls) {
          if (banned.pattern.test(line)) {
            violations.push({
              where: `${file.path}:${index + 1}`,
              call: banned.name,
              replacement: banned.replacement,
            });
          }
        }
      });
    }
  }
  return violations;
}

export function formatDeterminismViolations(violations: readonly DeterminismViolation[]): string {
  return violations.map((v) => `${v.where}: calls ${v.call}; instead, ${v.replacement}`).join("\n");
}
