/** Helpers for tests of Helix packages (not for production code): `@helixlog/core/testing`. */
export { explicitPortRange, freePort, freePortRange, isPortFree } from "./ports.js";
