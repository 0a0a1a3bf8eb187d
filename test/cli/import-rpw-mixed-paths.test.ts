/**
 * The same RPW rows imported as CSV straight to the API (what `npm start` does) and then through
 * `tenc import rpw` into one instance: the CLI reports every row already present and the
 * statistics do not change. Its `--json` summary counts new rows as its text does, also when run
 * again with `--no-wait` and another chunk size.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, startWorker, type LocalWorker } from "../browser/local-worker.ts";
import { runCli } from "./run-cli.ts";

const CSV_PATH = join(import.meta.dirname, "..", "..", "data", "rpw", "rpw_eastafrica_2011Q1-2019Q4.csv");
const asAdmin = { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } };

describe("tenc import rpw after the same rows were imported as CSV", () => {
  let w: LocalWorker;
  beforeAll(async () => {
    w = await startWorker();
  }, 300_000);
  afterAll(() => w?.stop());

  const statistics = async () => {
    const out: string[] = [];
    for (const path of ["/v1/stats/corridors/KEN-UGA?period=2011Q3", "/v1/stats/global?period=2019Q4", "/v1/stats/corridors?period=2015Q2&format=csv"]) {
      const res = await fetch(w.origin + path, asAdmin);
      expect(res.status, path).toBe(200);
      out.push((await res.text()).replace(/"updatedAt":"[^"]*"/g, ""));
    }
    return out;
  };

  it("reports every row already present, and the statistics stay as they were", async () => {
    const direct = await fetch(`${w.origin}/v1/admin/imports/rpw`, { method: "POST", headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "text/csv" }, body: await readFile(CSV_PATH) });
    expect(direct.status).toBe(200);
    const report = (await direct.json()) as { imported: number; alreadyPresent: number; skippedTotal: number };
    expect(report).toMatchObject({ alreadyPresent: 0 });
    const before = await statistics();
    expect(JSON.parse(before[0]!)).toMatchObject({ services: 12 });

    const env = { TENC_URL: w.origin, TENC_TOKEN: ADMIN_TOKEN, TENC_PROGRESS_MS: "0" };
    const text = await runCli(["import", "rpw", CSV_PATH], env);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain("imported:        0 new row(s)");
    expect(text.stdout).toContain(`already present: ${report.imported} row(s)`);
    expect(await statistics()).toEqual(before);

    // Run again as JSON, without waiting, in other chunks (so none is a replay): 0 new, all present.
    const json = await runCli(["import", "rpw", "--json", "--no-wait", "--chunk-rows", "500", CSV_PATH], env);
    expect(json.code, json.stderr).toBe(0);
    const summary = JSON.parse(json.stdout) as { dataRows: number; imported: number; alreadyPresent: number; rowsReplayed: number; skippedTotal: number };
    expect(summary).toMatchObject({ imported: 0, alreadyPresent: report.imported, rowsReplayed: 0, skippedTotal: report.skippedTotal });
    expect(summary.imported + summary.alreadyPresent + summary.rowsReplayed + summary.skippedTotal).toBe(summary.dataRows);
    // Once the ledger has published what the rows replaced, the figures are the same.
    for (let i = 0; i < 240 && !((await (await fetch(`${w.origin}/v1/admin/statistics/status`, asAdmin)).json()) as { current: boolean }).current; i++) await new Promise((r) => setTimeout(r, 250));
    expect(await statistics()).toEqual(before);
  }, 300_000);
});
