/**
 * Builds the `helix` bin once for an end-to-end test: esbuild compiles packages/cli/src/bin.ts and the
 * `@helixlog/*` sources it imports (through the `source` condition, as the tests run them) into one ES
 * module, so each CLI run is a plain `node helix.mjs ...` instead of starting node through tsx, which
 * transforms and resolves a few hundred TypeScript files per run (seconds on a loaded two-core machine).
 *
 * Third-party packages stay external, each pinned to the exact file its importer resolves it to (so
 * packages/cli's own commander, not the root's, serves the CLI), and every `import.meta.url` in the
 * sources keeps the URL of its own source file, so paths built from it (the .proto directory) still
 * point into the repository.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

export interface BuiltCli {
  /** The arguments after `node` that run `helix`: the built module's path. */
  readonly nodeArguments: readonly string[];
  /** Deletes the build. */
  remove(): void;
}

/** Compiles the CLI into a temporary directory under node_modules/.cache (seconds, once per test file). */
export async function buildCli(): Promise<BuiltCli> {
  const cacheDir = join(repositoryRoot, "node_modules/.cache");
  // A fresh clone has no node_modules/.cache until some tool makes one.
  mkdirSync(cacheDir, { recursive: true });
  const outDir = mkdtempSync(join(cacheDir, "helix-cli-build-"));
  const outfile = join(outDir, "helix.mjs");
  const external = "helix-external";
  await build({
    entryPoints: [join(repositoryRoot, "packages/cli/src/bin.ts")],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["source"],
    logLevel: "error",
    plugins: [
      {
        name: "helix-e2e",
        setup(builder) {
          // A bare specifier outside the workspace: resolve it the way its importer would, keep it external.
          builder.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (args.path.startsWith("node:") || args.path.startsWith("@helixlog/")) return undefined;
            if (args.pluginData === external) return undefined;
            const resolved = await builder.resolve(args.path, {
              kind: args.kind,
              importer: args.importer,
              resolveDir: args.resolveDir,
              pluginData: external,
            });
            if (resolved.errors.length > 0 || resolved.external) return { path: args.path, external: true };
            return { path: pathToFileURL(resolved.path).href, external: true };
          });
          builder.onLoad({ filter: /\.ts$/ }, (args) => ({
            contents: readFileSync(args.path, "utf8").replaceAll(
              "import.meta.url",
              JSON.stringify(pathToFileURL(args.path).href),
            ),
            loader: "ts",
          }));
        },
      },
    ],
  });
  return {
    nodeArguments: [outfile],
    remove: () => rmSync(outDir, { recursive: true, force: true }),
  };
}
