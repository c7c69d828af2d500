#!/usr/bin/env node
// Completes package-lock.json with the platform-specific optional packages that the registry this
// project installs from does not serve (it carries only the linux-x64 builds of, e.g., @biomejs/cli-*,
// @rollup/rollup-* and @turbo/*). npm leaves those out of the lock file when it cannot resolve them, and
// then `npm ci` refuses the lock file as out of sync. Each missing package gets an entry marked optional
// with the os/cpu its name states, so `npm ci` on Linux x64 skips it without fetching.
//
// Run after every `npm install`: `node scripts/lockfile-platforms.mjs` (idempotent).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const lockPath = join(dirname(fileURLToPath(import.meta.url)), "..", "package-lock.json");
const lock = JSON.parse(readFileSync(lockPath, "utf8"));
const packages = lock.packages;

const osWords = {
  android: "android",
  darwin: "darwin",
  freebsd: "freebsd",
  openbsd: "openbsd",
  openharmony: "openharmony",
  linux: "linux",
  win32: "win32",
  windows: "win32",
  sunos: "sunos",
  aix: "aix",
  netbsd: "netbsd",
};
const cpuWords = {
  arm64: "arm64",
  x64: "x64",
  64: "x64",
  ia32: "ia32",
  arm: "arm",
  "arm-eabi": "arm",
  gnueabihf: "arm",
  musleabihf: "arm",
  loong64: "loong64",
  ppc64: "ppc64",
  riscv64: "riscv64",
  s390x: "s390x",
};

function platformOf(name) {
  const base = name.split("/").pop();
  const words = base.split("-");
  const os = words.map((w) => osWords[w]).find(Boolean);
  let cpu = words.map((w) => cpuWords[w]).find(Boolean);
  if (base.includes("arm-eabi") || base.includes("arm-gnueabihf") || base.includes("arm-musleabihf"))
    cpu = "arm";
  const libc =
    words.includes("musl") || words.some((w) => w.startsWith("musl"))
      ? "musl"
      : words.includes("gnu")
        ? "glibc"
        : undefined;
  return { os, cpu, libc };
}

let added = 0;
for (const [location, entry] of Object.entries(packages)) {
  for (const [name, range] of Object.entries(entry.optionalDependencies ?? {})) {
    const nested = `${location ? `${location}/` : ""}node_modules/${name}`;
    if (packages[`node_modules/${name}`] || packages[nested]) continue;
    const { os, cpu, libc } = platformOf(name);
    if (os === undefined || cpu === undefined) {
      process.stderr.write(`cannot tell the platform of ${name} (needed by ${location}); add it by hand\n`);
      process.exitCode = 1;
      continue;
    }
    packages[`node_modules/${name}`] = {
      version: range.replace(/^[\^~=]/, ""),
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      os: [os],
      cpu: [cpu],
      ...(libc ? { libc: [libc] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`lockfile-platforms: added ${added} platform entries\n`);
