import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { codeOnly, listSourceFiles, withoutComments } from "./source-files.js";

/**
 * The package dependency rule of DESIGN.md §1: which of our packages each package may import. Only
 * `server` wires packages together; `cli` reaches the rest through `server`; `tests` may import anything.
 */
export const allowedDependencies: Readonly<Record<string, readonly string[]>> = {
  core: [],
  wal: ["core"],
  raft: ["core"],
  routing: ["core"],
  tier: ["core"],
  progress: ["core"],
  flow: ["core"],
  "kafka-proxy": ["core"],
  server: ["core", "wal", "raft", "routing", "tier", "progress", "flow", "kafka-proxy"],
  cli: ["server", "core"],
  tests: ["core", "wal", "raft", "routing", "tier", "progress", "flow", "kafka-proxy", "server", "cli"],
};

export const scope = "@helixlog/";

/** The folders of a package that hold its code (build configs at the package root are tooling). */
const sourceDirectories = ["src", "test", "bench", "scripts"];

export interface DependencyViolation {
  readonly packageName: string;
  readonly where: string;
  readonly imported: string;
  readonly reason: string;
}

const importPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\s*\(\s*)["']([^"']+)["']/g;

/**
 * Every module specifier a source file imports or re-exports (static, dynamic and require). Text inside
 * comments and inside other string literals (a code generator's templates) is not an import.
 */
export function importedSpecifiers(text: string): string[] {
  const code = codeOnly(text);
  const readable = withoutComments(text);
  const specifiers: string[] = [];
  for (const match of readable.matchAll(importPattern)) {
    const keyword = match[0].slice(0, 4);
    if (code.slice(match.index, match.index + 4) === keyword) specifiers.push(match[1] as string);
  }
  return specifiers;
}

/** Checks every package under `<root>/packages` against `allowed`, through its sources and package.json. */
export function checkDependencyGraph(
  root: string,
  allowed: Readonly<Record<string, readonly string[]>> = allowedDependencies,
): DependencyViolation[] {
  const violations: DependencyViolation[] = [];
  for (const packageName of Object.keys(allowed)) {
    const directory = join(root, "packages", packageName);
    if (!existsSync(directory)) continue;
    const permitted = new Set([packageName, ...(allowed[packageName] ?? [])]);
    violations.push(...checkManifest(directory, packageName, permitted));
    const files = sourceDirectories.flatMap((name) => listSourceFiles(root, join(directory, name)));
    for (const file of files) {
      for (const specifier of importedSpecifiers(file.text)) {
        const reason = judgeImport(
          specifier,
          permitted,
          relative(directory, join(root, dirname(file.path), specifier)),
        );
        if (reason !== undefined)
          violations.push({ packageName, where: file.path, imported: specifier, reason });
      }
    }
  }
  return violations;
}

/** `fromPackageRoot` is where a relative specifier lands, relative to the importing package's root. */
function judgeImport(
  specifier: string,
  permitted: ReadonlySet<string>,
  fromPackageRoot: string,
): string | undefined {
  if (specifier.startsWith(scope)) {
    const target = specifier.slice(scope.length).split("/")[0] as string;
    return permitted.has(target) ? undefined : `may not import @helixlog/${target} (DESIGN.md §1)`;
  }
  // Reaching into another package's files by relative path bypasses the rule and its public API.
  if (specifier.startsWith(".") && fromPackageRoot.startsWith("..")) {
    return "may not reach outside its own package by relative path; import the other package's public entry";
  }
  return undefined;
}

function checkManifest(
  directory: string,
  packageName: string,
  permitted: ReadonlySet<string>,
): DependencyViolation[] {
  const manifestPath = join(directory, "package.json");
  if (!existsSync(manifestPath)) return [];
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Record<
    string,
    Record<string, string> | undefined
  >;
  const violations: DependencyViolation[] = [];
  for (const field of ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"]) {
    for (const name of Object.keys(manifest[field] ?? {})) {
      if (!name.startsWith(scope)) continue;
      const target = name.slice(scope.length);
      if (!permitted.has(target)) {
        violations.push({
          packageName,
          where: `packages/${packageName}/package.json (${field})`,
          imported: name,
          reason: `may not depend on ${name} (DESIGN.md §1)`,
        });
      }
    }
  }
  return violations;
}

export function formatDependencyViolations(violations: readonly DependencyViolation[]): string {
  return violations.map((v) => `${v.where}: ${v.packageName} imports ${v.imported}: ${v.reason}`).join("\n");
}
