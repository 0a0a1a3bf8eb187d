/**
 * The growth figures alone (bench/growth.ts), without the throughput and arithmetic parts:
 * `node bench/growth-only.ts`. Prints the same three growth keys `npm run bench` writes.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildWorker } from "./build.ts";
import { benchGrowth } from "./growth.ts";
import { startWorker } from "./worker.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const t0 = performance.now();
const build = buildWorker(root, join(here, ".build", "bench"), "bench/worker-entry.ts");
console.log(`built in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
const statsWorker = await startWorker(root, build.scriptPath);
const importWorker = await startWorker(root, build.scriptPath);
const growth = await benchGrowth(statsWorker, importWorker, Number(process.env.BENCH_IMPORT_MS ?? 35_000));
await statsWorker.mf.dispose();
await importWorker.mf.dispose();
const round = (r: Record<string, number | null>, digits: number) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? null : Number(v.toFixed(digits))]));
console.log(JSON.stringify({ stats_global_ms: round(growth.statsGlobalMs, 2), corridor_history_ms: round(growth.corridorHistoryMs, 2), import_rows_per_s: round(growth.importRowsPerSecond, 0), notes: growth.notes }, null, 2));
console.log(`growth took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
