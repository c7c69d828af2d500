import type { Command } from "commander";
import { ClientPool } from "./routing.js";

/** The options every client command inherits from the program (DESIGN.md §8). */
export interface GlobalOptions {
  readonly bootstrap: string;
  readonly json: boolean;
}

export function globalOptionsOf(command: Command): GlobalOptions {
  const options = command.optsWithGlobals<{ bootstrap: string; json?: boolean }>();
  return { bootstrap: options.bootstrap, json: options.json === true };
}

/** Runs `body` with a client pool for the command's `--bootstrap`, closing every client afterwards. */
export async function withPool<Result>(
  command: Command,
  body: (pool: ClientPool, options: GlobalOptions) => Promise<Result>,
): Promise<Result> {
  const options = globalOptionsOf(command);
  const pool = new ClientPool(options.bootstrap);
  try {
    return await body(pool, options);
  } finally {
    pool.close();
  }
}
