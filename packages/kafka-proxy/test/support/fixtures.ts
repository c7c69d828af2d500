import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const fixtureRoot = join(dirname(fileURLToPath(import.meta.url)), "../fixtures");

export interface Fixture {
  /** `<client>/<api>-v<version>`. */
  readonly name: string;
  readonly client: string;
  readonly apiName: string;
  readonly version: number;
  /** The request frame as captured, without its int32 size prefix. */
  readonly frame: Uint8Array;
}

/** Every captured request frame under test/fixtures/<client>/<api>-v<version>.bin. */
export function loadFixtures(): Fixture[] {
  const fixtures: Fixture[] = [];
  for (const client of readdirSync(fixtureRoot).sort()) {
    for (const file of readdirSync(join(fixtureRoot, client)).sort()) {
      const match = /^(.*)-v(\d+)\.bin$/.exec(file);
      if (match === null) continue;
      const bytes = readFileSync(join(fixtureRoot, client, file));
      fixtures.push({
        name: `${client}/${match[1]}-v${match[2]}`,
        client,
        apiName: match[1]!,
        version: Number(match[2]),
        frame: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      });
    }
  }
  return fixtures;
}
