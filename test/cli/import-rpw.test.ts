/**
 * `tenc import rpw` on a workbook with the real file's quirks, made from the RPW rows the repository
 * ships, against a local `wrangler dev`: the statistics equal those of the same rows imported as
 * CSV through the API, also when the import is killed halfway and run again.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, startWorker, type LocalWorker } from "../browser/local-worker.ts";
import { runCli, startCli } from "./run-cli.ts";
import { writeRpwWorkbook } from "./rpw-workbook.ts";

const CSV_PATH = join(import.meta.dirname, "..", "..", "data", "rpw", "rpw_eastafrica_2011Q1-2019Q4.csv");

/** The shipped rows plus a Kosovo corridor made from KEN→UGA's 2019 rows (XKX here, KSV in the workbook). */
async function rpwRows(): Promise<{ header: string[]; rows: string[][] }> {
  const [header, ...rows] = parse(await readFile(CSV_PATH), { bom: true }) as string[][];
  const kosovo = rows.filter((r) => r[29] === "KENUGA" && r[0]!.startsWith("2019")).map((r) => [r[0]!, "XKX", "Kosovo", ...r.slice(3, 29), "XKXUGA"]);
  return { header: header!, rows: [...rows, ...kosovo] };
}

const stripUpdatedAt = (value: unknown): unknown =>
  Array.isArray(value) ? value.map(stripUpdatedAt) : value && typeof value === "object" ? Object.fromEntries(Object.entries(value).filter(([k]) => k !== "updatedAt").map(([k, v]) => [k, stripUpdatedAt(v)])) : value;

const asAdmin = { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }; // past the per-address rate limit

/** Every quarter's corridor and global statistics at both amounts, without publish times. */
async function statistics(w: LocalWorker, periods: string[]): Promise<Record<string, unknown>> {
  const paths = periods.flatMap((period) => ["200", "500"].flatMap((amount) => ["corridors", "global"].map((scope) => `/v1/stats/${scope}?period=${period}&amount=${amount}`)));
  const out: Record<string, unknown> = {};
  // A few at a time: one request per statistics document, and the worker is local.
  for (let i = 0; i < paths.length; i += 8) {
    await Promise.all(
      paths.slice(i, i + 8).map(async (path) => {
        const res = await fetch(w.origin + path, asAdmin);
        out[path] = res.ok ? stripUpdatedAt(await res.json()) : res.status;
      }),
    );
  }
  return out;
}

describe("tenc import rpw", () => {
  let dir: string;
  let viaCsv: LocalWorker;
  let viaCli: LocalWorker;
  let header: string[];
  let rows: string[][];
  let workbook: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tenc-cli-"));
    ({ header, rows } = await rpwRows());
    workbook = join(dir, "rpw_dataset_2011_2019.xlsx");
    await writeRpwWorkbook(workbook, () => rows, { recentYear: "2019" });
    [viaCsv, viaCli] = await Promise.all([startWorker(), startWorker()]);
    // Two wrangler dev at once on a busy 2-core machine can take minutes.
  }, 300_000);
  afterAll(async () => {
    await Promise.all([viaCsv?.stop(), viaCli?.stop()]);
    await rm(dir, { recursive: true, force: true });
  });

  it("gives, killed halfway and run again, the statistics of the same rows imported as CSV", async () => {
    const csv = [header, ...rows].map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(",")).join("\n") + "\n";
    const direct = await fetch(`${viaCsv.origin}/v1/admin/imports/rpw`, { method: "POST", headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "text/csv" }, body: csv });
    expect(direct.status).toBe(200);
    const directReport = (await direct.json()) as { imported: number; skippedTotal: number };
    expect(directReport.imported).toBe(rows.length);

    const env = { TENC_URL: viaCli.origin, TENC_TOKEN: ADMIN_TOKEN, TENC_PROGRESS_MS: "0" };
    const args = ["import", "rpw", workbook, "--chunk-rows", "150", "--concurrency", "1", "--json"];
    // Killed (SIGKILL: no chance to tidy up) once it has read about half the rows.
    const first = startCli(args, env);
    const halfway = rows.length / 2;
    await new Promise<void>((resolve) => {
      const check = () => {
        const counts = [...first.stderr().matchAll(/rpw: (\d+) rows/g)].map((m) => Number(m[1]));
        if ((counts.at(-1) ?? 0) >= halfway) {
          first.child.kill("SIGKILL");
          resolve();
        }
      };
      first.child.stderr!.on("data", check);
    });
    const killed = await first.done;
    expect(killed.signal).toBe("SIGKILL");
    expect(killed.stdout).toBe("");

    const second = await runCli(args, env);
    expect(second.stderr).not.toContain(ADMIN_TOKEN);
    expect(second.code).toBe(0);
    const summary = JSON.parse(second.stdout) as { dataRows: number; rowsReplayed: number; imported: number; alreadyPresent: number; skippedTotal: number; statistics: string };
    expect(summary.dataRows).toBe(rows.length);
    // Chunks accepted before the kill are answered from the API's idempotency record, the rest imported.
    expect(summary.rowsReplayed).toBeGreaterThan(0);
    expect(summary.imported).toBeGreaterThan(0);
    expect(summary.rowsReplayed + summary.imported + summary.alreadyPresent).toBe(rows.length);
    expect(summary.skippedTotal).toBe(directReport.skippedTotal);
    expect(summary.statistics).toBe("published");

    const periods = [...new Set(rows.map((r) => r[0]!))];
    const expected = await statistics(viaCsv, periods);
    expect(Object.values(expected).every((v) => typeof v === "object")).toBe(true);
    expect(JSON.stringify(expected)).toContain("XKX-UGA");
    expect(await statistics(viaCli, periods)).toEqual(expected);

    // A third run changes nothing: every chunk is a replay.
    const third = await runCli(args, env);
    expect(third.code).toBe(0);
    expect(JSON.parse(third.stdout)).toMatchObject({ rowsReplayed: rows.length, imported: 0 });
    expect(await statistics(viaCli, periods)).toEqual(expected);

    // The CSV export through the CLI is the API's CSV.
    const exported = await runCli(["stats", "export", "--period", "2019Q4", "--amount", "500"], env);
    expect(exported.code).toBe(0);
    const apiCsv = await (await fetch(`${viaCsv.origin}/v1/stats/corridors?period=2019Q4&amount=500&format=csv`, asAdmin)).text();
    expect(exported.stdout.split("\n")[0]).toContain("corridor");
    expect(exported.stdout).toBe(apiCsv);
  }, 240_000);
});
