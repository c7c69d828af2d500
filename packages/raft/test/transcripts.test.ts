/**
 * Data-driven transcripts: each file under testdata/ is a multi-node scenario written as commands and
 * the output they must produce (messages delivered, roles, commits, applies). A difference fails the
 * test; run with UPDATE=1 to rewrite the files, then review the diff like code.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runTranscript } from "../src/testing/transcript.js";

const directory = join(import.meta.dirname, "..", "testdata");
const files = readdirSync(directory).filter((file) => file.endsWith(".txt"));

describe("transcripts", () => {
  it("exist", () => {
    expect(files.length).toBeGreaterThanOrEqual(6);
  });

  for (const file of files) {
    it(file, () => {
      const path = join(directory, file);
      const expected = readFileSync(path, "utf8");
      const actual = runTranscript(expected);
      if (process.env.UPDATE === "1") writeFileSync(path, actual);
      else expect(actual).toBe(expected);
    });
  }
});
