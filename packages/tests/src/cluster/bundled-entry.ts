import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

/**
 * Compiles a TypeScript entry point (a `helix start` node's main) once per test process with esbuild
 * into one ES module that plain node runs, the way `scripts/sim.mjs` runs the simulator. Starting a node
 * through tsx instead transforms and resolves a few hundred TypeScript files in every new process:
 * about 3 CPU-seconds per node start against under 1 for the bundle, and the multi-process tests start
 * dozens of nodes. The code is the same: `@helixlog/*` sources are bundled through the `source`
 * condition (as the tests run them), third-party packages stay external, each pinned to the file its
 * importer resolves it to, and every `import.meta.url` keeps the URL of its own source file so paths
 * built from it (the .proto directory) still point into the repository.
 *
 * Bundles are kept in node_modules/.cache/helix-test-bundle under the hash of their text, so test files
 * running at once share one, and a bundle nobody used for a day is deleted.
 *
 * HELIX_TEST_TSX=1 skips the bundle and runs the sources through tsx (for a stack trace in .ts lines).
 */

const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const cacheDirectory = join(repositoryRoot, "node_modules/.cache/helix-test-bundle");
const staleAfterMs = 24 * 60 * 60 * 1000;
const bundles = new Map<string, Promise<readonly string[]>>();

/** The node arguments that run `entry` (a path from the repository root): the bundle, or tsx + source. */
export function nodeArgumentsFor(entry: string): Promise<readonly string[]> {
  const source = join(repositoryRoot, entry);
  if (process.env.HELIX_TEST_TSX === "1")
    return Promise.resolve(["--conditions=source", "--import", "tsx", source]);
  let bundle = bundles.get(source);
  if (bundle === undefined) {
    bundle = bundleEntry(source);
    bundles.set(source, bundle);
    // A failed build is not cached: the next caller tries again and sees its own error.
    bundle.catch(() => bundles.delete(source));
  }
  return bundle;
}

async function bundleEntry(source: string): Promise<readonly string[]> {
  const external = "helix-external";
  const result = await build({
    entryPoints: [source],
    outfile: "bundle.mjs",
    write: false,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    conditions: ["source"],
    logLevel: "error",
    plugins: [
      {
        name: "helix-test-bundle",
        setup(builder) {
          // A bare specifier outside the workspace: resolved as its importer would, then kept external.
          builder.onResolve({ filter: /^[^./]/ }, async (args) => {
            if (args.path.startsWith("@helixlog/") || args.pluginData === external) return undefined;
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
  const text = result.outputFiles[0]?.text;
  if (text === undefined) throw new Error(`esbuild wrote no output for ${source}`);
  mkdirSync(cacheDirectory, { recursive: true });
  pruneStale();
  const name = source.replace(/^.*\//, "").replace(/\.ts$/, "");
  const hash = createHash("sha256").update(text).digest("hex").slice(0, 16);
  const path = join(cacheDirectory, `${name}-${hash}.mjs`);
  if (existsSync(path)) {
    const now = new Date();
    utimesSync(path, now, now);
  } else {
    // Written aside and renamed into place, so a process starting at once never reads half a file.
    const partial = `${path}.${process.pid}.partial`;
    writeFileSync(partial, text);
    renameSync(partial, path);
  }
  return [path];
}

/** Deletes bundles (and partial writes) not used for a day: older sources' builds. */
function pruneStale(): void {
  const now = Date.now();
  for (const file of readdirSync(cacheDirectory)) {
    const path = join(cacheDirectory, file);
    try {
      if (now - statSync(path).mtimeMs > staleAfterMs) rmSync(path, { force: true });
    } catch {
      // Another test process removed it first.
    }
  }
}
