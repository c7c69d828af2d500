import type { Options } from "tsup";

/**
 * The one build recipe every package shares: ESM plus declarations, no bundling of dependencies.
 * Declarations resolve sibling packages through their built `dist` (not the `source` condition the
 * typechecker and tests use), so each published `.d.ts` refers to `@helixlog/*` instead of inlining it.
 */
export function packageBuildOptions(entry: string[]): Options {
  return {
    entry,
    format: ["esm"],
    target: "node20",
    platform: "node",
    dts: { compilerOptions: { customConditions: [] } },
    sourcemap: true,
    clean: true,
    splitting: false,
    treeshake: true,
  };
}
