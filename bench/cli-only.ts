/**
 * The CLI import figures alone (bench/cli-import.ts), without the rest of `npm run bench`:
 * `node bench/cli-only.ts` (BENCH_CLI_ROWS=20000 for a quick look).
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildWorker } from "./build.ts";
import { benchCliImport } from "./cli-import.ts";
import { startWorker } from "./worker.ts";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..");
const t0 = performance.now();
const build = buildWorker(root, join(here, ".build"));
const result = await benchCliImport(root, () => startWorker(root, build.scriptPath));
console.log(JSON.stringify(result, null, 2));
console.log(`took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
