/**
 * Builds a worker the way it is deployed (`wrangler deploy --dry-run --minify`) and measures it:
 * the production entry (wrangler.toml's `main`) or another, such as the bench's (worker-entry.ts).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { gzipSync } from "node:zlib";

export interface Build {
  scriptPath: string;
  minified: number;
  gzip: number;
  /** What wrangler itself printed, e.g. "Total Upload: 615.78 KiB / gzip: 151.13 KiB". */
  wranglerSays: string | undefined;
}

export function buildWorker(root: string, outdir: string, entry?: string): Build {
  // Run wrangler with this Node (22), not whichever `node` the PATH finds first.
  const wrangler = join(root, "node_modules/wrangler/bin/wrangler.js");
  const out = execFileSync(process.execPath, [wrangler, "deploy", "--dry-run", "--minify", "--outdir", outdir, ...(entry ? [entry] : [])], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // wrangler names the bundle after its entry: index.js for src/index.ts.
  const scriptPath = join(outdir, `${basename(entry ?? "index.ts", ".ts")}.js`);
  const bytes = readFileSync(scriptPath);
  return {
    scriptPath,
    minified: bytes.length,
    // Level 9 is what an upload would get at best; wrangler's own figure is printed beside it.
    gzip: gzipSync(bytes, { level: 9 }).length,
    wranglerSays: /Total Upload:[^\n]*/.exec(out)?.[0],
  };
}
