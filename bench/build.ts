/**
 * Builds the worker the way it is deployed (`wrangler deploy --dry-run --minify`) and measures it.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export interface Build {
  scriptPath: string;
  minified: number;
  gzip: number;
  /** What wrangler itself printed, e.g. "Total Upload: 615.78 KiB / gzip: 151.13 KiB". */
  wranglerSays: string | undefined;
}

export function buildWorker(root: string, outdir: string): Build {
  // Run wrangler with this Node (22), not whichever `node` the PATH finds first.
  const wrangler = join(root, "node_modules/wrangler/bin/wrangler.js");
  const out = execFileSync(process.execPath, [wrangler, "deploy", "--dry-run", "--minify", "--outdir", outdir], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, WRANGLER_SEND_METRICS: "false", NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const scriptPath = join(outdir, "index.js");
  const bytes = readFileSync(scriptPath);
  return {
    scriptPath,
    minified: bytes.length,
    // Level 9 is what an upload would get at best; wrangler's own figure is printed beside it.
    gzip: gzipSync(bytes, { level: 9 }).length,
    wranglerSays: /Total Upload:[^\n]*/.exec(out)?.[0],
  };
}
