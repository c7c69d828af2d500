import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";

/** A TypeScript source file of the repository, with its path relative to the repository root. */
export interface SourceFile {
  readonly path: string;
  readonly text: string;
}

const skippedDirectories = new Set(["node_modules", "dist", ".turbo", "coverage"]);

/** Every `.ts`/`.mts` file under `directory` (recursively), skipping build output and dependencies. */
export function listSourceFiles(repositoryRoot: string, directory: string): SourceFile[] {
  const files: SourceFile[] = [];
  const pending = [directory];
  // Bounded by the size of the tree: every directory is visited once.
  while (pending.length > 0) {
    const current = pending.pop() as string;
    let names: string[];
    try {
      names = readdirSync(current).sort();
    } catch {
      continue;
    }
    for (const name of names) {
      const path = join(current, name);
      if (statSync(path).isDirectory()) {
        if (!skippedDirectories.has(name)) pending.push(path);
      } else if (/\.m?ts$/.test(name) && !name.endsWith(".d.ts")) {
        files.push({
          path: relative(repositoryRoot, path).split(sep).join("/"),
          text: readFileSync(path, "utf8"),
        });
      }
    }
  }
  return files.sort((a, b) => a.path.localeCompare(b.path));
}

/**
 * Source text with comments and the contents of string and template literals blanked out (lengths
 * and line breaks kept), so scanners see code only: "never call Date.now" in a comment is not a call.
 */
export function codeOnly(text: string): string {
  return blank(text, true);
}

/** Source text with comments blanked out and string literals kept (for reading import specifiers). */
export function withoutComments(text: string): string {
  return blank(text, false);
}

function blank(text: string, blankStrings: boolean): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const char = text[i] as string;
    const next = text[i + 1];
    if (char === "/" && next === "/") {
      while (i < text.length && text[i] !== "\n") {
        out += " ";
        i++;
      }
    } else if (char === "/" && next === "*") {
      const end = text.indexOf("*/", i + 2);
      const stop = end === -1 ? text.length : end + 2;
      out += text.slice(i, stop).replace(/[^\n]/g, " ");
      i = stop;
    } else if (char === '"' || char === "'" || char === "`") {
      const stop = literalEnd(text, i, char);
      const body = text.slice(i + 1, stop - 1);
      out += char + (blankStrings ? body.replace(/[^\n]/g, " ") : body) + char;
      i = stop;
    } else {
      out += char;
      i++;
    }
  }
  return out;
}

function literalEnd(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    const char = text[i];
    if (char === "\\") i += 2;
    else if (char === quote) return i + 1;
    else i++;
  }
  return text.length;
}
