/**
 * Growth: statistics requests as the number of stored corridors grows tenfold twice, and the RPW
 * import's rate as the number of rows does. Written against issue 3's routes; where a route is not
 * there (404 "no route"), its figures are null.
 */
import { corridorAt, PERIODS, RPW_HEADER, rpwRow } from "./data.ts";
import { isMissingRoute, type Worker } from "./worker.ts";

export const MISSING = "n/a (route missing)";

export interface GrowthResult {
  statsGlobalMs: Record<string, number | null>;
  corridorHistoryMs: Record<string, number | null>;
  importRowsPerSecond: Record<string, number | null>;
  notes: string[];
}

const IMPORT_PATH = "/v1/admin/imports/rpw";
/** Rows per statistics-seeding request. */
const CHUNK_ROWS = 5000;
/**
 * Rows per import request (about 2.2 MB, well under the 32 MiB import body limit). The import
 * requests are sent as docs/regulators.md says a bulk load is: `wait=false` (each answers once its rows are
 * stored, and the statistics ledger publishes what they changed at most every 10 s, not once per
 * request) except the last, which answers once every row's statistics are published. The status
 * route is read after it, to confirm.
 */
const IMPORT_CHUNK_ROWS = Number(process.env.BENCH_IMPORT_CHUNK ?? 10_000);
const STATUS_PATH = "/v1/admin/statistics/status";

async function importRows(w: Worker, rows: string[], wait = true): Promise<{ missing: boolean; status: number; detail: string }> {
  const res = await w.admin("POST", `${IMPORT_PATH}${wait ? "" : "?wait=false"}`, `${RPW_HEADER}\n${rows.join("\n")}\n`, "text/csv");
  const missing = await isMissingRoute(res);
  const detail = res.ok ? "" : (await res.text()).slice(0, 200);
  if (res.ok) await res.arrayBuffer();
  return { missing, status: res.status, detail };
}

/** Median of `n` sequential requests, after 3 unmeasured ones; null when the route is missing. */
async function medianMs(w: Worker, path: string, n: number): Promise<number | null | string> {
  for (let i = 0; i < 3; i++) {
    const res = await w.call(path);
    if (await isMissingRoute(res)) return null;
    const text = await res.text();
    if (res.status !== 200) return `${res.status}: ${text.slice(0, 160)}`;
  }
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const res = await w.call(path);
    await res.arrayBuffer();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[times.length >> 1]!;
}

export async function benchGrowth(statsWorker: Worker, importWorker: Worker, budgetMs: number): Promise<GrowthResult> {
  const notes: string[] = [];
  const statsGlobalMs: Record<string, number | null> = { "10": null, "100": null, "1000": null };
  const corridorHistoryMs: Record<string, number | null> = { "10": null, "100": null, "1000": null };
  const importRowsPerSecond: Record<string, number | null> = { "10000": null, "100000": null };

  const probe = await importRows(statsWorker, []);
  if (probe.missing) {
    notes.push(`POST ${IMPORT_PATH}: ${MISSING}; statistics cannot be seeded either`);
    return { statsGlobalMs, corridorHistoryMs, importRowsPerSecond, notes };
  }

  // Statistics: 4 firms × 2 periods per corridor, corridors added until 10, 100, 1000 are stored.
  let stored = 0;
  const [src, dst] = corridorAt(0);
  for (const level of [10, 100, 1000]) {
    const rows: string[] = [];
    for (let c = stored; c < level; c++) for (const period of PERIODS.slice(-2)) for (let f = 0; f < 4; f++) rows.push(rpwRow(c, period, `Firm ${f}`, c * 1000 + f));
    for (let i = 0; i < rows.length; i += CHUNK_ROWS) {
      const r = await importRows(statsWorker, rows.slice(i, i + CHUNK_ROWS));
      if (r.status >= 300) notes.push(`import for ${level} corridors answered ${r.status}: ${r.detail}`);
    }
    stored = level;
    const global = await medianMs(statsWorker, `/v1/stats/global?period=2020Q4`, 15);
    const history = await medianMs(statsWorker, `/v1/stats/corridors/${src}-${dst}/history`, 15);
    if (typeof global === "string") notes.push(`stats/global with ${level} corridors: ${global}`);
    if (typeof history === "string") notes.push(`history with ${level} corridors: ${history}`);
    statsGlobalMs[String(level)] = typeof global === "number" ? global : null;
    corridorHistoryMs[String(level)] = typeof history === "number" ? history : null;
  }

  // Import: 10,000 then 100,000 new rows (250 corridors × 40 periods × firms), in chunks.
  const deadline = performance.now() + budgetMs;
  let seed = 1;
  for (const total of [10_000, 100_000]) {
    const firmOffset = total === 10_000 ? 100 : 200;
    let done = 0;
    const start = performance.now();
    while (done < total && performance.now() < deadline) {
      const rows: string[] = [];
      for (let k = 0; k < IMPORT_CHUNK_ROWS && done + k < total; k++) {
        const n = done + k;
        rows.push(rpwRow(1000 + (n % 250), PERIODS[Math.floor(n / 250) % 40]!, `Firm ${firmOffset + Math.floor(n / 10_000)}`, seed++));
      }
      const last = done + rows.length >= total;
      const r = await importRows(importWorker, rows, last);
      if (r.status >= 300) {
        notes.push(`import of ${total} rows: chunk at row ${done} answered ${r.status}: ${r.detail}`);
        break;
      }
      done += rows.length;
    }
    // Current at once after a last request that waited; polled every 50 ms when the budget cut it short.
    for (;;) {
      const res = await importWorker.admin("GET", STATUS_PATH, undefined);
      const status = res.ok ? ((await res.json()) as { current: boolean }) : undefined;
      if (!status) {
        notes.push(`${STATUS_PATH} answered ${res.status}: ${(await res.text()).slice(0, 160)}`);
        break;
      }
      if (status.current) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const elapsed = performance.now() - start;
    if (done > 0) importRowsPerSecond[String(total)] = (done / elapsed) * 1000;
    if (done < total) notes.push(`import of ${total} rows: stopped after ${done} rows (time budget); the rate is over those`);
  }
  return { statsGlobalMs, corridorHistoryMs, importRowsPerSecond, notes };
}
