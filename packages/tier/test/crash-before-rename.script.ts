/**
 * Child process for file-system-object-store.test.ts: opens the store, starts a put of a new value and,
 * once the temporary file is written and fsynced (just before the rename), tells the parent it is ready
 * and waits to be killed with SIGKILL. Arguments: <store directory> <key> <new value>.
 */
import { crc32c } from "@helixlog/core";
import { FileSystemObjectStore } from "../src/stores/file-system-object-store.js";

const [directory, key, value] = process.argv.slice(2);
if (directory === undefined || key === undefined || value === undefined) {
  throw new Error("usage: crash-before-rename.script.ts <directory> <key> <value>");
}
const store = await FileSystemObjectStore.open(
  { directory },
  {
    beforeRename: async (temporaryPath) => {
      process.stdout.write(`ready ${temporaryPath}\n`);
      // Keep the event loop alive until the parent's SIGKILL arrives; the rename never happens.
      process.stdin.resume();
      await new Promise(() => undefined);
    },
  },
);
const body = new TextEncoder().encode(value);
await store.put(key, body, { crc32c: crc32c(body) });
process.stdout.write("finished without being killed\n");
