import { defineConfig } from "vitest/config";

// One vitest project per package. Sources resolve through the `source` export condition so tests run
// against TypeScript directly, without a build step.
const packages = [
  "core",
  "wal",
  "raft",
  "routing",
  "tier",
  "progress",
  "flow",
  "kafka-proxy",
  "server",
  "cli",
  "tests",
];

export default defineConfig({
  resolve: { conditions: ["source"] },
  ssr: { resolve: { conditions: ["source"] } },
  test: {
    passWithNoTests: true,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: packages.map((name) => ({
      extends: true,
      test: {
        name,
        root: `packages/${name}`,
        include: ["src/**/*.test.ts", "test/**/*.test.ts"],
      },
    })),
  },
});
