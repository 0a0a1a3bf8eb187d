/**
 * Starts the worker with `wrangler dev` on a free port, with fresh local storage, and stops it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const ADMIN_TOKEN = "browser-test-admin-token";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface LocalWorker {
  origin: string;
  admin(method: string, path: string, body?: unknown): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * Two wranglers started at once both took the default inspector port (9229) and one died with
 * "Address already in use"; each now gets its own inspector port, and a start that still loses a
 * race for a port (another process took it between our probe and wrangler's bind) is tried again.
 */
export async function startWorker(): Promise<LocalWorker> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startWorkerOnce();
    } catch (error) {
      if (attempt >= 3 || !String(error).includes("Address already in use")) throw error;
    }
  }
}

async function startWorkerOnce(): Promise<LocalWorker> {
  const port = await freePort();
  let inspectorPort = await freePort();
  while (inspectorPort === port) inspectorPort = await freePort();
  const persist = await mkdtemp(join(tmpdir(), "tenc-browser-kv-"));
  const child: ChildProcess = spawn(
    "node_modules/.bin/wrangler",
    ["dev", "--port", String(port), "--inspector-port", String(inspectorPort), "--ip", "127.0.0.1", "--persist-to", persist, "--var", `ADMIN_TOKEN:${ADMIN_TOKEN}`, "--var", "ALERTS_LOCAL_DEV:true", "--log-level", "warn", "--show-interactive-dev-session=false"],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "1" }, detached: true },
  );
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  const origin = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid, "SIGTERM"); // wrangler and the workerd it started
      await exited;
    }
    await rm(persist, { recursive: true, force: true });
  };
  const deadline = Date.now() + 150_000;
  for (;;) {
    if (child.exitCode !== null) {
      await rm(persist, { recursive: true, force: true });
      throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`);
    }
    const ok = await fetch(`${origin}/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev did not answer on ${origin}:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    origin,
    admin: (method, path, body) =>
      fetch(origin + path, {
        method,
        headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    stop,
  };
}
