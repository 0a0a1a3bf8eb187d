/**
 * `npm start`: the service on http://localhost:8787 (or $PORT) with local KV seeded from corridors/
 * and the real data of data/. Creates .dev.vars from .dev.vars.example when missing, starts
 * `wrangler dev`, waits for it to answer, then loads every corridors/*.json through the admin API
 * and imports the ECB rates, the remittance flows and the World Bank's RPW rows through the admin
 * import endpoints, each file once per local state and content (scripts/load-once.ts).
 */
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { seedRequests, type SeedFile } from "../src/seed/seed-requests.ts";
import { LoadedLog } from "./load-once.ts";

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

/**
 * What this local state has loaded, by content hash (scripts/load-once.ts). Kept inside wrangler
 * dev's state folder, so removing .wrangler/state (a fresh local store) loads everything again.
 */
const loaded = new LoadedLog(join(root, ".wrangler", "state", "tenc-imported.json"));

async function seed() {
  const files = readdirSync(join(root, "corridors")).filter((f) => f.endsWith(".json")).sort();
  let providers = 0;
  let seeded = 0;
  for (const name of files) {
    const bytes = readFileSync(join(root, "corridors", name));
    const file = JSON.parse(bytes.toString("utf8")) as SeedFile;
    // A seed loaded before with this content is not loaded again: it would overwrite the quotes and
    // rates providers and operators wrote since. A changed seed file is loaded (docs/data.md).
    const now = await loaded.loadOnce(`corridors/${name}`, bytes, async () => {
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
    });
    if (now) seeded++;
    providers += file.providers.length;
  }
  const b = base.replace("127.0.0.1", "localhost");
  const what = seeded === 0 ? `corridors/ already seeded into this local state (${files.length} corridors, ${providers} providers)` : `seeded ${seeded} of ${files.length} corridors from corridors/${seeded < files.length ? " (the others were loaded before, unchanged)" : ""}`;
  console.log(`\ntenc: ${what}. Try:\n  curl ${b}/v1/corridors\n  curl '${b}/v1/corridors/KEN-UGA/quotes?amount=18000'\n`);
}

/**
 * The files of data/ that npm start imports, in order: the ECB's dated rates (the 2019–2020 extract
 * for pricing quotes of those days, then the daily file, the newest, for current rates), the flows
 * (weights), and last the RPW rows, whose import answers once their statistics are published.
 */
const IMPORTS = [
  { file: "data/ecb/eurofxref-hist-extract-2019-12-17_2020-01-28.xml", path: "/v1/admin/imports/ecb", type: "application/xml" },
  { file: "data/ecb/eurofxref-daily.xml", path: "/v1/admin/imports/ecb", type: "application/xml" },
  { file: "data/remittance_flows/bilateral_remittances_2017.csv", path: "/v1/admin/imports/flows", type: "text/csv" },
  { file: "data/rpw/rpw_eastafrica_2011Q1-2019Q4.csv", path: "/v1/admin/imports/rpw", type: "text/csv" },
];

async function importData() {
  const summary: string[] = [];
  for (const { file, path, type } of IMPORTS) {
    const bytes = readFileSync(join(root, file));
    await loaded.loadOnce(file, bytes, async () => {
      const res = await fetch(base + path, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": type }, body: bytes });
      const text = await res.text();
      if (!res.ok) throw new Error(`importing ${file}: POST ${path} answered ${res.status}: ${text}`);
      summary.push(`${file}: ${text.length > 160 ? `${text.slice(0, 160)}…` : text}`);
    });
  }
  console.log(summary.length ? `\ntenc: imported from data/\n  ${summary.join("\n  ")}` : "\ntenc: data/ already imported into this local state (.wrangler/state)");
  const b = base.replace("127.0.0.1", "localhost");
  console.log(`Statistics (World Bank RPW, 2011–2019):\n  curl '${b}/v1/stats/corridors/KEN-UGA?period=2011Q3'\n  curl '${b}/v1/stats/corridors/KEN-UGA/history'\n`);
}

try {
  await waitUntilUp(Date.now() + 90_000);
  await seed();
  await importData();
} catch (err) {
  console.error(`tenc: ${(err as Error).message}`);
  wrangler.kill("SIGTERM");
  process.exitCode = 1;
}
