/**
 * The architecture rules hold for the real repository, and each checker is seen to fail on a tree
 * that breaks its rule (a checker nobody has seen fail is not trusted: STYLE.md rule 15).
 *   - Dependency graph (DESIGN.md §1): a package imports only the packages its row allows.
 *   - Determinism (STYLE.md rule 1): pure folders never read the clock, start timers or draw randomness.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { checkDependencyGraph, formatDependencyViolations, importedSpecifiers } from "./dependency-graph.js";
import { checkDeterminism, formatDeterminismViolations } from "./determinism.js";
import { codeOnly } from "./source-files.js";

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const scratch = mkdtempSync(join(tmpdir(), "helix-architecture-"));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function writeTree(name: string, files: Record<string, string>): string {
  const root = join(scratch, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe("dependency graph (DESIGN.md §1)", () => {
  it("holds for the repository", () => {
    const violations = checkDependencyGraph(repositoryRoot);
    expect(formatDependencyViolations(violations)).toBe("");
  });

  it("fails when raft imports wal", () => {
    const root = writeTree("raft-imports-wal", {
      "packages/raft/src/log.ts": 'import { SharedWal } from "@helixlog/wal";\nexport const x = SharedWal;\n',
    });
    const violations = checkDependencyGraph(root);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ packageName: "raft", imported: "@helixlog/wal" });
  });

  it("fails on a dynamic import, a re-export and a relative path into another package", () => {
    const root = writeTree("sneaky-imports", {
      "packages/core/src/a.ts": 'export * from "@helixlog/raft/testing";\n',
      "packages/flow/src/b.ts": 'const m = await import("@helixlog/server");\n',
      "packages/routing/src/c.ts": 'import { x } from "../../wal/src/index.js";\n',
    });
    const found = checkDependencyGraph(root).map((v) => `${v.packageName}->${v.imported}`);
    expect(found.sort()).toEqual([
      "core->@helixlog/raft/testing",
      "flow->@helixlog/server",
      "routing->../../wal/src/index.js",
    ]);
  });

  it("fails when a manifest declares a forbidden dependency", () => {
    const root = writeTree("manifest", {
      "packages/progress/package.json": JSON.stringify({ dependencies: { "@helixlog/raft": "0.0.0" } }),
    });
    expect(checkDependencyGraph(root).map((v) => v.imported)).toEqual(["@helixlog/raft"]);
  });

  it("ignores imports that appear only in comments", () => {
    expect(
      importedSpecifiers(
        '// import { x } from "@helixlog/wal"\nconst t = `import { y } from "@helixlog/raft";`;\n',
      ),
    ).toEqual([]);
    expect(importedSpecifiers('import { x } from "@helixlog/wal";\n')).toEqual(["@helixlog/wal"]);
    const root = writeTree("comment-only", {
      "packages/raft/src/a.ts":
        '// we must never import "@helixlog/wal" here: see DESIGN.md\nexport const a = 1;\n',
    });
    expect(checkDependencyGraph(root)).toEqual([]);
  });
});

describe("determinism (STYLE.md rule 1)", () => {
  it("holds for the repository", () => {
    const violations = checkDeterminism(repositoryRoot);
    expect(formatDeterminismViolations(violations)).toBe("");
  });

  it("fails on each banned call and names the replacement", () => {
    const root = writeTree("impure", {
      "packages/raft/src/bad.ts": [
        "export const a = Date.now();",
        "export const b = Math.random();",
        "setTimeout(() => {}, 10);",
        "export const c = performance.now();",
        "export const d = new Date();",
        'import { randomUUID } from "node:crypto"; export const e = randomUUID();',
      ].join("\n"),
    });
    const violations = checkDeterminism(root);
    expect(violations.map((v) => v.call)).toEqual([
      "Date.now()",
      "Math.random()",
      "timers",
      "performance.now()",
      "new Date()",
      "crypto randomness",
    ]);
    expect(formatDeterminismViolations(violations)).toContain(
      "packages/raft/src/bad.ts:1: calls Date.now(); instead, take a Clock",
    );
  });

  it("allows the real-world adapters, tests, comments and strings", () => {
    const root = writeTree("adapters", {
      "packages/wal/src/node-disk.ts": "export const t = Date.now();\n",
      "packages/tier/src/stores/s3-store.ts": "setTimeout(() => {}, 1);\n",
      "packages/raft/src/raft.test.ts": "const t = Date.now();\n",
      "packages/raft/src/ok.ts": '// never call Date.now() here\nexport const s = "Math.random()";\n',
    });
    expect(checkDeterminism(root)).toEqual([]);
  });

  it("strips comments and literals without moving line numbers", () => {
    const text = 'a /* x\ny */ b\n"c\\"d" // e\n`f`';
    const stripped = codeOnly(text);
    expect(stripped.split("\n")).toHaveLength(text.split("\n").length);
    expect(stripped).not.toMatch(/[xyecdf]/);
  });
});
