/**
 * The operator's CLI on a generated 250,000-row RPW workbook (test/cli/rpw-workbook.ts, with the
 * real file's quirks): `tenc import rpw` as a child process into one fresh worker, beside the same
 * rows sent as CSV straight to `POST /v1/admin/imports/rpw` into another, in the same chunks and
 * with the same number in flight. Both are timed until the statistics include every row. The
 * CLI's peak memory is its resident set's high-water mark (Linux /proc VmHWM).
 */
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeRpwWorkbook } from "../test/cli/rpw-workbook.ts";
import { PERIODS, RPW_HEADER, rpwRow } from "./data.ts";
import { ADMIN_TOKEN, type Worker } from "./worker.ts";

export interface CliImportResult {
  rows: number;
  workbookBytes: number;
  cliRowsPerSecond: number;
  apiCsvRowsPerSecond: number;
  /** CLI over API CSV (target ≥ 0.5). */
  ratio: number;
  /** MB; null where /proc does not show it. */
  cliPeakRssMb: number | null;
  notes: string[];
}

const CHUNK_ROWS = 5000;
const CONCURRENCY = 2;

/** The i-th generated row, legacy CSV fields: 250 corridors × 40 quarters × a firm per 10,000 rows. */
const generatedRow = (n: number) => rpwRow(1000 + (n % 250), PERIODS[Math.floor(n / 250) % 40]!, `Firm ${Math.floor(n / 10_000)}`, n + 1);

async function waitUntilPublished(w: Worker): Promise<void> {
  for (;;) {
    const res = await w.admin("GET", "/v1/admin/statistics/status", undefined);
    if (!res.ok) throw new Error(`statistics status: ${res.status} ${await res.text()}`);
    if (((await res.json()) as { current: boolean }).current) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function importAsCsv(w: Worker, rows: number): Promise<number> {
  const start = performance.now();
  let next = 0;
  const send = async () => {
    while (next < rows) {
      const from = next;
      next = Math.min(rows, next + CHUNK_ROWS);
      const lines: string[] = [RPW_HEADER];
      for (let n = from; n < next; n++) lines.push(generatedRow(n));
      const res = await w.admin("POST", "/v1/admin/imports/rpw?wait=false", lines.join("\n") + "\n", "text/csv");
      if (!res.ok) throw new Error(`CSV import at row ${from}: ${res.status} ${(await res.text()).slice(0, 200)}`);
      await res.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, send));
  await waitUntilPublished(w);
  return (rows / (performance.now() - start)) * 1000;
}

/** VmHWM of a process in MB, or null once it is gone or where /proc is not there. */
function peakRssMb(pid: number): number | null {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb === undefined ? null : Number(kb) / 1024;
  } catch {
    return null;
  }
}

async function importWithCli(root: string, w: Worker, workbook: string): Promise<{ seconds: number; peakMb: number | null; summary: { dataRows: number; imported: number; skippedTotal: number; statistics: string } }> {
  const start = performance.now();
  const child = spawn(process.execPath, [join(root, "cli", "bin", "tenc.js"), "import", "rpw", workbook, "--json", "--chunk-rows", String(CHUNK_ROWS), "--concurrency", String(CONCURRENCY)], {
    env: { ...process.env, TENC_URL: w.url, TENC_TOKEN: ADMIN_TOKEN, TENC_PROGRESS_MS: "10000" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  let peakMb: number | null = null;
  const poll = setInterval(() => {
    const mb = peakRssMb(child.pid!);
    if (mb !== null) peakMb = Math.max(peakMb ?? 0, mb);
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.once("close", resolve));
  clearInterval(poll);
  const seconds = (performance.now() - start) / 1000;
  if (code !== 0) throw new Error(`tenc import rpw exited ${code}: ${stderr.slice(-500)}`);
  return { seconds, peakMb, summary: JSON.parse(stdout) };
}

export async function benchCliImport(root: string, startFresh: () => Promise<Worker>, rows = Number(process.env.BENCH_CLI_ROWS ?? 250_000)): Promise<CliImportResult> {
  const notes: string[] = [];
  const dir = await mkdtemp(join(tmpdir(), "tenc-bench-cli-"));
  try {
    const workbook = join(dir, "rpw_dataset_generated.xlsx");
    await writeRpwWorkbook(
      workbook,
      function* () {
        for (let n = 0; n < rows; n++) yield generatedRow(n).split(",");
      },
      { recentYear: "2020" },
    );
    const workbookBytes = readFileSync(workbook).byteLength;

    const csvWorker = await startFresh();
    const apiCsvRowsPerSecond = await importAsCsv(csvWorker, rows);
    await csvWorker.mf.dispose();

    const cliWorker = await startFresh();
    const cli = await importWithCli(root, cliWorker, workbook);
    await cliWorker.mf.dispose();
    if (cli.summary.dataRows !== rows) notes.push(`the CLI read ${cli.summary.dataRows} data rows of ${rows}`);
    if (cli.summary.imported + cli.summary.skippedTotal !== rows) notes.push(`the CLI imported ${cli.summary.imported} and skipped ${cli.summary.skippedTotal} of ${rows} rows`);
    if (cli.summary.statistics !== "published") notes.push("the CLI ended before the statistics were published");
    const cliRowsPerSecond = rows / cli.seconds;
    return { rows, workbookBytes, cliRowsPerSecond, apiCsvRowsPerSecond, ratio: cliRowsPerSecond / apiCsvRowsPerSecond, cliPeakRssMb: cli.peakMb, notes };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
