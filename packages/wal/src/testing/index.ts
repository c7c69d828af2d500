/** Simulated implementations for tests and the deterministic simulator. */
export type {
  SimDiskCrashOptions,
  SimDiskFault,
  SimDiskFaultRule,
  SimDiskOperation,
  SimDiskOptions,
  SimDiskScheduler,
  SimDiskStatistics,
} from "./sim-disk.js";
export { SimDisk } from "./sim-disk.js";
