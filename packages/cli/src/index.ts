/**
 * @helixlog/cli: the `helix` command (bin.ts). The program is exported so tools and tests can embed it.
 */
export { cliExitCodes, UsageError } from "./cli-errors.js";
export { buildProgram, defaultBootstrap } from "./program.js";
