export type { Scheduler, SimObjectStoreFaults } from "./sim-object-store.js";
export {
  immediateScheduler,
  noFaults,
  SimObjectStore,
  validateSimObjectStoreFaults,
} from "./sim-object-store.js";
