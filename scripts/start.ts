/**
 * `npm start`: the service on http://localhost:8787 (or $PORT) with local KV seeded from corridors/.
 * Creates .dev.vars from .dev.vars.example when missing, starts `wrangler dev`, waits for it to
 * answer, then loads every corridors/*.json through the admin API (a repeated seed changes nothing).
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { seedRequests, type SeedFile } from "../src/seed/seed-requests.ts";

const root = join(import.meta.dirname, "..");
const port = process.env.PORT ?? "8787";
const base = `http://127.0.0.1:${port}`;

const devVars = join(root, ".dev.vars");
if (!existsSync(devVars)) {
  copyFileSync(join(root, ".dev.vars.example"), devVars);
  console.log("created .dev.vars from .dev.vars.example");
}
const token = /^ADMIN_TOKEN=(.*)$/m.exec(readFileSync(devVars, "utf8"))?.[1]?.trim();
if (!token) throw new Error(".dev.vars has no ADMIN_TOKEN");

// ALERTS_LOCAL_DEV: webhooks may be plain http to loopback here, and only here (docs/alerts.md).
const wrangler = spawn(join(root, "node_modules", ".bin", "wrangler"), ["dev", "--port", port, "--ip", "127.0.0.1", "--var", "ALERTS_LOCAL_DEV:true"], { cwd: root, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => wrangler.kill(signal));
wrangler.on("exit", (code) => process.exit(code ?? 0));

async function waitUntilUp(deadline: number) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`the worker did not answer on ${base} within 90 s`);
}

async function seed() {
  const files = readdirSync(join(root, "corridors")).filter((f) => f.endsWith(".json")).sort();
  let providers = 0;
  for (const name of files) {
    const file = JSON.parse(readFileSync(join(root, "corridors", name), "utf8")) as SeedFile;
    // A corridor's providers at once: its ledger folds them into one KV publish (one per second).
    await Promise.all(
      seedRequests(file).map(async (req) => {
        const res = await fetch(base + req.path, {
          method: req.method,
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify(req.body),
        });
        if (!res.ok) throw new Error(`seeding ${name}: ${req.method} ${req.path} answered ${res.status}: ${await res.text()}`);
      }),
    );
    providers += file.providers.length;
  }
  console.log(`\ntenc: seeded ${files.length} corridors (${providers} providers) from corridors/. Try:\n  curl ${base.replace("127.0.0.1", "localhost")}/v1/corridors\n  curl '${base.replace("127.0.0.1", "localhost")}/v1/corridors/KEN-UGA/quotes?amount=18000'\n`);
}

try {
  await waitUntilUp(Date.now() + 90_000);
  await seed();
} catch (err) {
  console.error(`tenc: ${(err as Error).message}`);
  wrangler.kill("SIGTERM");
  process.exitCode = 1;
}
