/**
 * `npm start` loads each seed and data file once per local state and content (scripts/load-once.ts):
 * a restart does not load the corridors/ seeds again over what providers wrote since; a changed
 * seed file is loaded; a load that failed is tried again.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LoadedLog } from "../../scripts/load-once.ts";

const root = join(import.meta.dirname, "..", "..");

describe("npm start's load-once log", () => {
  let dir: string;
  let log: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "tenc-load-once-"));
    log = join(dir, "state", "tenc-imported.json");
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  /** One start: every file offered, the names of those loaded returned. */
  async function start(files: Record<string, Uint8Array>, fail?: string): Promise<string[]> {
    const loaded = new LoadedLog(log);
    const out: string[] = [];
    for (const [name, bytes] of Object.entries(files)) {
      await loaded
        .loadOnce(name, bytes, async () => {
          if (name === fail) throw new Error("the API refused it");
          out.push(name);
        })
        .catch(() => undefined);
    }
    return out;
  }

  it("loads the corridor seeds at the first start, not again at the next, and a changed seed again", async () => {
    const kenUga = await readFile(join(root, "corridors", "KEN-UGA.json"));
    const usaMex = await readFile(join(root, "corridors", "USA-MEX.json"));
    const files = { "corridors/KEN-UGA.json": kenUga, "corridors/USA-MEX.json": usaMex };
    expect(await start(files)).toEqual(["corridors/KEN-UGA.json", "corridors/USA-MEX.json"]);
    // A restart: nothing is loaded over the writes made since.
    expect(await start(files)).toEqual([]);
    // The seed edited: that file alone is loaded.
    const edited = Buffer.from(kenUga.toString("utf8").replace('"rate": "35.8597"', '"rate": "35.9"'));
    expect(edited.equals(kenUga)).toBe(false);
    expect(await start({ ...files, "corridors/KEN-UGA.json": edited })).toEqual(["corridors/KEN-UGA.json"]);
    expect(await start({ ...files, "corridors/KEN-UGA.json": edited })).toEqual([]);
  });

  it("does not record a load that failed: the next start tries it again", async () => {
    const files = { "corridors/A.json": Buffer.from("{}"), "data/b.csv": Buffer.from("x") };
    expect(await start(files, "corridors/A.json")).toEqual(["data/b.csv"]);
    expect(await start(files)).toEqual(["corridors/A.json"]);
  });
});
