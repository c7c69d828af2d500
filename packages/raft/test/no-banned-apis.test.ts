/**
 * The Raft state machine is pure (STYLE.md rule 1): no wall clock, timers, global randomness or I/O.
 * This scans the package's sources and names the replacement for each banned call.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const banned: [RegExp, string][] = [
  [/\bDate\.now\s*\(/, "take time as ticks from the host"],
  [/\bnew Date\s*\(/, "take time as ticks from the host"],
  [/\bMath\.random\s*\(/, "use the injected Rng"],
  [/\b(setTimeout|setInterval|setImmediate)\s*\(/, "count ticks instead of scheduling"],
  [/\bperformance\.now\s*\(/, "take time as ticks from the host"],
  [/\bprocess\.hrtime\b/, "take time as ticks from the host"],
  [/\bcrypto\b.*random|randomUUID|getRandomValues/, "use the injected Rng"],
  [
    /from\s+["']node:(fs|net|http|https|child_process|dgram|worker_threads)["']/,
    "do I/O in the host, not in raft",
  ],
];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith(".ts") && !path.endsWith(".test.ts") ? [path] : [];
  });
}

describe("raft sources", () => {
  const files = sourceFiles(join(import.meta.dirname, "..", "src"));

  it("exist", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it("call no clock, timer, global randomness or I/O", () => {
    const findings: string[] = [];
    for (const file of files) {
      const lines = readFileSync(file, "utf8").split("\n");
      lines.forEach((line, position) => {
        if (line.trim().startsWith("*") || line.trim().startsWith("//")) return;
        for (const [pattern, replacement] of banned) {
          if (pattern.test(line)) findings.push(`${file}:${position + 1}: ${line.trim()} (${replacement})`);
        }
      });
    }
    expect(findings).toEqual([]);
  });

  it("import nothing of ours but @helixlog/core", () => {
    const findings: string[] = [];
    for (const file of files) {
      for (const match of readFileSync(file, "utf8").matchAll(/from\s+["'](@helixlog\/[^"'/]+)/g)) {
        if (match[1] !== "@helixlog/core") findings.push(`${file}: ${match[1]}`);
      }
    }
    expect(findings).toEqual([]);
  });
});
