/**
 * A clone has nothing beside it: no file in src/, test/, scripts/ or bench/ may reach for the
 * shared folder the project was first built next to. Real data lives in data/.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const FOLDERS = ["src", "test", "scripts", "bench"];
// The folder's name, spelled so that this file does not name it: `grep -rn` over the tree stays empty.
const SHARED = ["..", "shared"].join("/");
// A relative path to it, or a path joined from pieces of which one is the folder name.
const OUTSIDE = [new RegExp(SHARED.replaceAll(".", "\\.")), /join\([^)]*["'`]shared["'`]/];

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else yield path;
  }
}

describe("the repository stands on its own", () => {
  it("finds source files to check (the walk itself works)", () => {
    const all = FOLDERS.flatMap((f) => [...files(join(root, f))]);
    expect(all.some((f) => f.endsWith(join("src", "index.ts")))).toBe(true);
    expect(all.length).toBeGreaterThan(50);
  });

  it("reads nothing from the shared folder beside the clone", () => {
    const offenders: string[] = [];
    for (const folder of FOLDERS) {
      for (const path of files(join(root, folder))) {
        const text = readFileSync(path, "utf8");
        text.split("\n").forEach((line, i) => {
          if (OUTSIDE.some((re) => re.test(line))) offenders.push(`${relative(root, path)}:${i + 1}: ${line.trim()}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });

  it("ships the data files the tests and npm start read", () => {
    for (const file of [
      "data/rpw/rpw_eastafrica_2011Q1-2019Q4.csv",
      "data/rpw/rpw_databank_corridors_ATCR_2011Q1-2019Q4.csv",
      "data/ecb/eurofxref-daily.xml",
      "data/remittance_flows/bilateral_remittances_2017.csv",
    ]) {
      expect(statSync(join(root, file)).size, file).toBeGreaterThan(1000);
    }
    for (const folder of ["rpw", "ecb", "remittance_flows"]) {
      expect(readFileSync(join(root, "data", folder, "SOURCE.md"), "utf8")).toMatch(/licen|CC BY|allows reuse/i);
    }
  });
});
