/**
 * The built worker in one local workerd, through Miniflare's API: real local KV and Durable
 * Objects (in memory), requests sent straight to the worker's own socket.
 */
import { readdirSync, readFileSync } from "node:fs";
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
  /** CPU µs used so far by workerd's request thread (see workerdThreadClock), where /proc shows it. */
  threadClock: (() => number) | undefined;
}

function compatibilityDate(root: string): string {
  const toml = readFileSync(join(root, "wrangler.toml"), "utf8");
  return /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)?.[1] ?? "2026-10-20";
}

export async function startWorker(root: string, scriptPath: string): Promise<Worker> {
  // Miniflare 5's options: the worker's config (as deployed) and its local-development settings.
  const text = (value: string) => ({ type: "text" as const, value });
  const before = workerdChildren();
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
  const pid = [...workerdChildren()].find((p) => !before.has(p));
  return { url, mf, call, admin, threadClock: workerdThreadClock(pid) };
}

export interface Throughput {
  requestsPerSecond: number;
  requests: number;
  p50ms: number;
  /** CPU time of workerd's request thread per request, in µs (undefined where Linux's /proc is not there). */
  threadCpuUs: number | undefined;
}

/** A thread's comm (name) and its CPU time so far in ns, from /proc (Linux). */
function threadStat(pid: number, tid: string): { name: string; runNs: number } {
  const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
  return { name: stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")), runNs: Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]) };
}

/**
 * How much CPU workerd's request thread has used so far, in µs: the thread named "workerd" with
 * the most CPU time once requests have run (every request's JavaScript runs on it, one at a time).
 * It is the one resource requests queue for, so its time per request is what throughput comes
 * down to, without the load generator and the rest of the machine, which share the same 2 cores.
 */
function workerdThreadClock(pid: number | undefined): (() => number) | undefined {
  if (pid === undefined) return undefined;
  let tid: string | undefined;
  return () => {
    try {
      tid ??= readdirSync(`/proc/${pid}/task`)
        .map((t) => ({ t, ...threadStat(pid, t) }))
        .filter((x) => x.name === "workerd")
        .sort((a, b) => b.runNs - a.runNs)[0]?.t;
      return tid === undefined ? NaN : threadStat(pid, tid).runNs / 1000;
    } catch {
      return NaN;
    }
  };
}

/** The workerd processes this process started (Miniflare runs one per instance), by pid. */
function workerdChildren(): Set<number> {
  const out = new Set<number>();
  try {
    for (const d of readdirSync("/proc")) {
      if (!/^\d+$/.test(d)) continue;
      try {
        const stat = readFileSync(`/proc/${d}/stat`, "utf8");
        if (stat.includes("(workerd)") && Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === process.pid) out.add(Number(d));
      } catch {
        // gone meanwhile
      }
    }
  } catch {
    // no /proc: no thread clock
  }
  return out;
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
  const clock = w.threadClock;
  const latencies: number[] = [];
  const cpuStart = clock?.();
  const start = performance.now();
  await run(start + ms, latencies);
  const elapsed = performance.now() - start;
  const cpuEnd = clock?.();
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: (latencies.length / elapsed) * 1000,
    requests: latencies.length,
    p50ms: latencies[latencies.length >> 1] ?? NaN,
    threadCpuUs: cpuStart === undefined || cpuEnd === undefined || Number.isNaN(cpuStart - cpuEnd) ? undefined : (cpuEnd - cpuStart) / latencies.length,
  };
}

/** Whether a 404 is the app's "no such route" rather than a route answering "no such thing". */
export async function isMissingRoute(res: Response): Promise<boolean> {
  if (res.status !== 404) return false;
  const text = await res.clone().text();
  return text.includes('"no route ');
}
