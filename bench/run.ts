/**
 * `npm run bench`: throughput against a floor, decimal against float, growth, the CLI import, and size; prints a
 * table and writes bench/results.json. About a minute and a half on a 2-core machine, plus the
 * CLI import of a 250,000-row workbook (minutes: BENCH_CLI_ROWS makes it smaller).
 */
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { benchArithmetic } from "./arithmetic.ts";
import { buildWorker } from "./build.ts";
import { benchCliImport } from "./cli-import.ts";
import { corridorProviders, MID_USD_MXN } from "./data.ts";
import { benchGrowth, MISSING } from "./growth.ts";
import { startWorker, throughput, type Worker } from "./worker.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const SIZES = [10, 50, 200] as const;
/** Measured time per throughput case; enough for thousands of requests, short enough for the budget. */
const CASE_MS = Number(process.env.BENCH_CASE_MS ?? 4800);
/**
 * Floor/comparison pairs per size; the reported ratio is their median. On a shared 2-core machine
 * one pair's ratio ranged from 0.4 to 1.4 within a run, so the median wants many pairs: sixteen of
 * 300 ms, for about 2 s more per size than ten of 400 ms.
 */
const SLICES = 16;
/** In flight at once: enough to keep the one workerd thread busy while Node reads responses. */
const CONCURRENCY = 8;

const t0 = performance.now();
const log = (s: string) => console.log(`[${((performance.now() - t0) / 1000).toFixed(1)}s] ${s}`);

// The production bundle is what is measured for size; the bench's own worker adds the floor route.
const build = buildWorker(root, join(here, ".build", "production"));
log(`built: ${build.minified} bytes minified, ${build.gzip} gzip (${build.wranglerSays ?? "wrangler printed no size"})`);
const benchBuild = buildWorker(root, join(here, ".build", "bench"), "bench/worker-entry.ts");

async function seedCorridor(w: Worker, corridor: string, products: number) {
  const providers = corridorProviders(products);
  // Concurrent writes to one corridor share the ledger's publishes (at most one per second).
  const results = await Promise.all(providers.map((p) => w.admin("PUT", `/v1/admin/corridors/${corridor}/quotes/${p.id}`, p.body)));
  for (const r of results) if (r.status !== 200) throw new Error(`seeding ${corridor}: ${r.status} ${await r.text()}`);
}

// 1. Throughput: a corridor of N products, the floor reading that corridor's KV value, then the comparison.
const w = await startWorker(root, benchBuild.scriptPath);
const rate = await w.admin("PUT", `/v1/admin/rates/USD/MXN`, { rate: MID_USD_MXN, asOf: "2026-11-20T00:00:00Z", source: "bench" });
if (rate.status !== 200) throw new Error(`rate: ${rate.status} ${await rate.text()}`);
const corridorOf: Record<number, string> = { 10: "USA-MEX", 50: "CAN-MEX", 200: "ESP-MEX" };
await Promise.all(SIZES.map((n) => seedCorridor(w, corridorOf[n]!, n)));
for (const n of SIZES) {
  const body = (await (await w.call(`/v1/corridors/${corridorOf[n]}/quotes?amount=200`)).json()) as { quotes: unknown[] };
  if (body.quotes.length !== n) throw new Error(`${corridorOf[n]}: ${body.quotes.length} quotes priced, expected ${n}`);
}
log("seeded corridors of 10, 50, 200 products");

// The amount changes on every request (from 20.00 to 1019.99) so no cache can answer twice.
const amount = (i: number) => (20 + (i % 100_000) / 100).toFixed(2);
const floor: Record<string, number> = {};
const comparison: Record<string, number> = {};
const compareP50: Record<string, number> = {};
const floorPath = (n: number) => () => `/__bench/floor/${corridorOf[n]}`;
const comparePath = (n: number) => (i: number) => `/v1/corridors/${corridorOf[n]}/quotes?amount=${amount(i)}`;
const ratios: Record<string, number> = {};
/** Every pair's ratio, in the order measured: how far one pair can be from the median. */
const pairRatios: Record<string, number[]> = {};
/** The same ratio from workerd's request thread's CPU time per request (bench/worker.ts), median of the pairs. */
const cpuRatios: Record<string, number | null> = {};
const floorCpuUs: Record<string, number | null> = {};
const compareCpuUs: Record<string, number | null> = {};
// Warm every case first (JIT, KV caches). Then, per size, alternate short floor and comparison
// slices and take the median of the slice pairs' ratios: other work on the machine comes and goes,
// and a pair measured back to back is under about the same load.
for (const n of SIZES) {
  await throughput(w, floorPath(n), 150, CONCURRENCY, 0);
  await throughput(w, comparePath(n), 150, CONCURRENCY, 0);
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
for (const n of SIZES) {
  const f: number[] = [];
  const c: number[] = [];
  const p50: number[] = [];
  const fCpu: number[] = [];
  const cCpu: number[] = [];
  for (let k = 0; k < SLICES; k++) {
    const fs = await throughput(w, floorPath(n), CASE_MS / SLICES, CONCURRENCY, 60);
    const cs = await throughput(w, comparePath(n), CASE_MS / SLICES, CONCURRENCY, 60);
    f.push(fs.requestsPerSecond);
    c.push(cs.requestsPerSecond);
    p50.push(cs.p50ms);
    if (fs.threadCpuUs !== undefined && cs.threadCpuUs !== undefined) {
      fCpu.push(fs.threadCpuUs);
      cCpu.push(cs.threadCpuUs);
    }
  }
  const measuredCpu = fCpu.length === SLICES;
  cpuRatios[n] = measuredCpu ? round(median(fCpu.map((x, i) => x / cCpu[i]!)), 3) : null;
  floorCpuUs[n] = measuredCpu ? median(fCpu) : null;
  compareCpuUs[n] = measuredCpu ? median(cCpu) : null;
  floor[n] = median(f);
  comparison[n] = median(c);
  compareP50[n] = median(p50);
  const pairs = c.map((x, i) => x / f[i]!);
  ratios[n] = median(pairs);
  pairRatios[n] = pairs.map((r) => round(r, 3));
  const cpu = measuredCpu ? `; workerd's request thread ${floorCpuUs[n]!.toFixed(0)} vs ${compareCpuUs[n]!.toFixed(0)} µs CPU per request, ratio ${cpuRatios[n]}` : "";
  log(`${n} products: floor ${floor[n].toFixed(0)} req/s, comparison ${comparison[n].toFixed(0)} req/s (p50 ${compareP50[n].toFixed(2)} ms), ratio ${ratios[n].toFixed(3)} (pairs ${Math.min(...pairs).toFixed(2)}–${Math.max(...pairs).toFixed(2)})${cpu}`);
}
await w.mf.dispose();

// 2. Arithmetic, in this Node process, on the 200-product corridor's products.
const arithmetic = benchArithmetic(corridorProviders(200).flatMap((p) => (p.body as { products: never[] }).products));
log(`arithmetic: exact engine ${arithmetic.decimalPerSecond.toFixed(0)}/s, float ${arithmetic.floatPerSecond.toFixed(0)}/s`);

// 3. Growth, on fresh workers: one for statistics, one for the import.
const statsWorker = await startWorker(root, benchBuild.scriptPath);
const importWorker = await startWorker(root, benchBuild.scriptPath);
const growth = await benchGrowth(statsWorker, importWorker, Number(process.env.BENCH_IMPORT_MS ?? 35_000));
await statsWorker.mf.dispose();
await importWorker.mf.dispose();
log("growth done");

// 4. The operator's CLI on a generated 250,000-row workbook, beside the API's own CSV import.
const cliImport = await benchCliImport(root, () => startWorker(root, build.scriptPath));
log(`CLI import: ${cliImport.cliRowsPerSecond.toFixed(0)} rows/s vs API CSV ${cliImport.apiCsvRowsPerSecond.toFixed(0)} rows/s (${cliImport.ratio.toFixed(3)}), peak ${cliImport.cliPeakRssMb?.toFixed(0) ?? "?"} MB`);

const ratio = (n: number) => ratios[n]!;
const results = {
  compare_vs_floor: Object.fromEntries(SIZES.map((n) => [String(n), round(ratio(n), 3)])),
  decimal_vs_float: round(arithmetic.ratio, 3),
  stats_global_ms: roundAll(growth.statsGlobalMs, 2),
  corridor_history_ms: roundAll(growth.corridorHistoryMs, 2),
  import_rows_per_s: roundAll(growth.importRowsPerSecond, 0),
  bundle_bytes: { minified: build.minified, gzip: build.gzip },
  cli_import: {
    rows: cliImport.rows,
    cli_rows_per_s: round(cliImport.cliRowsPerSecond, 0),
    api_csv_rows_per_s: round(cliImport.apiCsvRowsPerSecond, 0),
    cli_vs_api_csv: round(cliImport.ratio, 3),
    cli_peak_rss_mb: cliImport.cliPeakRssMb === null ? null : round(cliImport.cliPeakRssMb, 0),
    workbook_bytes: cliImport.workbookBytes,
  },
  // Beyond the keys the issue asks for: the raw figures behind the ratios.
  detail: {
    floor_rps: roundAll(floor, 0),
    compare_rps: roundAll(comparison, 0),
    compare_p50_ms: roundAll(compareP50, 2),
    compare_vs_floor_pairs: pairRatios,
    // Null where /proc does not show workerd's threads (not Linux).
    compare_vs_floor_thread_cpu: cpuRatios,
    floor_thread_cpu_us: roundAll(floorCpuUs, 0),
    compare_thread_cpu_us: roundAll(compareCpuUs, 0),
    decimal_evaluations_per_s: Math.round(arithmetic.decimalPerSecond),
    float_evaluations_per_s: Math.round(arithmetic.floatPerSecond),
    concurrency: CONCURRENCY,
    // Other work on the machine weighs on every figure: the 1-minute load average when the run ended.
    load_average: round(loadavg()[0]!, 2),
    case_ms: CASE_MS,
    slices: SLICES,
    notes: [...growth.notes, ...cliImport.notes],
  },
};
writeFileSync(join(here, "results.json"), JSON.stringify(results, null, 2) + "\n");

function round(x: number, digits: number): number {
  return Number(x.toFixed(digits));
}
function roundAll(o: Record<string, number | null>, digits: number): Record<string, number | null> {
  return Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v === null ? null : round(v, digits)]));
}

const show = (v: number | null, unit = "") => (v === null ? MISSING : `${v}${unit}`);
const tenfold = (o: Record<string, number | null>, a: string, b: string) => {
  const x = o[a];
  const y = o[b];
  return x == null || y == null ? "" : ` (×${(y / x).toFixed(2)} for ×10)`;
};
const rows: [string, string, string][] = [
  ...SIZES.map((n): [string, string, string] => [`comparison, ${n} products`, `${comparison[n]!.toFixed(0)} req/s vs floor ${floor[n]!.toFixed(0)}`, `${results.compare_vs_floor[String(n)]} of floor (target ${n === 50 ? "≥ 0.7" : n === 200 ? "≥ 0.4" : "-"})`]),
  ["decimal vs float", `${arithmetic.decimalPerSecond.toFixed(0)} vs ${arithmetic.floatPerSecond.toFixed(0)} evaluations/s`, `${results.decimal_vs_float} (target ≥ 0.25)`],
  ...(["10", "100", "1000"] as const).map((k): [string, string, string] => [`stats/global, ${k} corridors`, show(results.stats_global_ms[k]!, " ms"), k === "10" ? "" : tenfold(results.stats_global_ms, k === "100" ? "10" : "100", k).trim()]),
  ...(["10", "100", "1000"] as const).map((k): [string, string, string] => [`corridor history, ${k} corridors`, show(results.corridor_history_ms[k]!, " ms"), k === "10" ? "" : tenfold(results.corridor_history_ms, k === "100" ? "10" : "100", k).trim()]),
  ["RPW import, 10,000 rows", show(results.import_rows_per_s["10000"]!, " rows/s"), ""],
  ["RPW import, 100,000 rows", show(results.import_rows_per_s["100000"]!, " rows/s"), tenfold(results.import_rows_per_s, "10000", "100000").trim()],
  [`CLI import, ${cliImport.rows.toLocaleString("en")}-row workbook`, `${results.cli_import.cli_rows_per_s} rows/s vs API CSV ${results.cli_import.api_csv_rows_per_s}`, `${results.cli_import.cli_vs_api_csv} (target ≥ 0.5)`],
  ["CLI import, peak memory", results.cli_import.cli_peak_rss_mb === null ? "n/a (no /proc)" : `${results.cli_import.cli_peak_rss_mb} MB`, "target < 300 MB"],
  ["bundle", `${(build.minified / 1024).toFixed(1)} KiB minified, ${(build.gzip / 1024).toFixed(1)} KiB gzip`, "budget < 1 MB gzip"],
];
const widths = [0, 1, 2].map((i) => Math.max(...rows.map((r) => r[i].length)));
console.log();
for (const r of rows) console.log(r.map((c, i) => c.padEnd(widths[i]!)).join(" │ "));
for (const n of results.detail.notes) console.log(`note: ${n}`);
console.log(`\nwrote bench/results.json in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
