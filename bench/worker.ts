/**
 * The built worker in one local workerd, through Miniflare's API: real local KV and Durable
 * Objects (in memory), requests sent straight to the worker's own socket.
 */
import { readFileSync } from "node:fs";
import { Agent, get } from "node:http";
import { join } from "node:path";
import { Miniflare } from "miniflare";

export const ADMIN_TOKEN = "bench-admin-token";

export interface Worker {
  /** Base URL of the worker's direct socket (no Miniflare entry worker in between). */
  url: string;
  mf: Miniflare;
  call(path: string, init?: RequestInit): Promise<Response>;
  admin(method: string, path: string, body: unknown, contentType?: string): Promise<Response>;
}

function compatibilityDate(root: string): string {
  const toml = readFileSync(join(root, "wrangler.toml"), "utf8");
  return /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1] ?? "2026-10-20";
}

export async function startWorker(root: string, scriptPath: string): Promise<Worker> {
  // Miniflare 5's options: the worker's config (as deployed) and its local-development settings.
  const text = (value: string) => ({ type: "text" as const, value });
  const mf = new Miniflare({
    workers: [
      {
        config: {
          name: "tenc",
          compatibilityDate: compatibilityDate(root),
          manifest: { mainModule: "index.js", modules: { "index.js": { type: "esm", contents: readFileSync(scriptPath, "utf8") } } },
          env: {
            KV: { type: "kv" },
            CORRIDOR_LEDGER: { type: "durable-object", worker: "tenc", exportName: "CorridorLedger" },
            STATS_LEDGER: { type: "durable-object", worker: "tenc", exportName: "StatsLedger" },
            ADMIN_TOKEN: text(ADMIN_TOKEN),
            BENCH_FLOOR: text("1"),
            STALE_AFTER_DAYS: text("30"),
          },
          exports: { CorridorLedger: { type: "durable-object", storage: "sqlite" }, StatsLedger: { type: "durable-object", storage: "sqlite" } },
        },
        dev: { unsafeDirectSockets: [{}] },
      },
    ],
  });
  await mf.ready;
  const url = (await mf.unsafeGetDirectURL("tenc")).toString().replace(/\/$/, "");
  const call = (path: string, init?: RequestInit) => fetch(url + path, init);
  const admin = (method: string, path: string, body: unknown, contentType = "application/json") =>
    call(path, {
      method,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": contentType },
      body: typeof body === "string" ? body : JSON.stringify(body),
    });
  return { url, mf, call, admin };
}

export interface Throughput {
  requestsPerSecond: number;
  requests: number;
  p50ms: number;
}

/**
 * Keep-alive connections for the load: node:http's client takes less CPU per request than fetch
 * does (measured beside the worker: about 0.4 ms against 0.7 ms per floor request), and
 * on a 2-core machine every bit the client takes is taken from workerd, more so for the larger
 * answer, so a heavier client makes the worker's ratios look worse than they are.
 */
const agent = new Agent({ keepAlive: true });

/** GET `url`, the whole body read; rejects unless the status is 200. */
function load(url: string): Promise<void> {
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => (res.statusCode === 200 ? resolve() : reject(new Error(`${res.statusCode} ${Buffer.concat(chunks).toString("utf8").slice(0, 300)}`))));
      res.on("error", reject);
    }).on("error", reject);
  });
}

/**
 * Keeps `concurrency` requests in flight for `ms` (after a warm-up) and counts completed ones.
 * `path(i)` gives the i-th request's path, so every request can ask something different.
 */
export async function throughput(w: Worker, path: (i: number) => string, ms: number, concurrency: number, warmupMs = 400): Promise<Throughput> {
  let i = 0;
  const run = async (until: number, latencies: number[] | undefined) => {
    const loop = async () => {
      while (performance.now() < until) {
        const t = performance.now();
        await load(w.url + path(i++));
        latencies?.push(performance.now() - t);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, loop));
  };
  await run(performance.now() + warmupMs, undefined);
  const latencies: number[] = [];
  const start = performance.now();
  await run(start + ms, latencies);
  const elapsed = performance.now() - start;
  latencies.sort((a, b) => a - b);
  return { requestsPerSecond: (latencies.length / elapsed) * 1000, requests: latencies.length, p50ms: latencies[latencies.length >> 1] ?? NaN };
}

/** Whether a 404 is the app's "no such route" rather than a route answering "no such thing". */
export async function isMissingRoute(res: Response): Promise<boolean> {
  if (res.status !== 404) return false;
  const text = await res.clone().text();
  return text.includes('"no route ');
}
