/**
 * The served /openapi.json passes Redocly's recommended ruleset with no error and no warning.
 * The document names the origin it was fetched from as its server, so it is fetched as a
 * deployment would serve it (Host: a real name), not as localhost, which a rule flags.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startWorker, type LocalWorker } from "../browser/local-worker.ts";

const root = join(import.meta.dirname, "..", "..");
let worker: LocalWorker;
let dir: string;

/** GET with a Host header of our choosing (fetch does not let one set it). */
function get(origin: string, path: string, host: string): Promise<string> {
  const url = new URL(path, origin);
  return new Promise((resolve, reject) => {
    request({ host: url.hostname, port: url.port, path: url.pathname, headers: { host } }, (res) => {
      let body = "";
      res.setEncoding("utf8").on("data", (d: string) => (body += d)).on("end", () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`${res.statusCode} ${body}`))));
    })
      .on("error", reject)
      .end();
  });
}

beforeAll(async () => {
  worker = await startWorker();
  dir = mkdtempSync(join(tmpdir(), "tenc-openapi-"));
});

afterAll(async () => {
  await worker?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("/openapi.json under Redocly's recommended rules", () => {
  it("has no errors and no warnings", () => {
    return get(worker.origin, "/openapi.json", "api.tenc.org").then((text) => {
      const doc = JSON.parse(text) as { servers: { url: string }[] };
      expect(doc.servers).toEqual([{ url: "http://api.tenc.org" }]);
      const file = join(dir, "openapi.json");
      writeFileSync(file, text);
      // Redocly prints its findings and verdict on stderr.
      const run = spawnSync(process.execPath, [join(root, "node_modules/@redocly/cli/bin/cli.js"), "lint", file, "--extends", "recommended", "--format", "summary"], {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
      });
      const out = run.stdout + run.stderr;
      const status = run.status;
      expect(out, out).toContain("Your API description is valid");
      expect(out, out).not.toMatch(/warning/i);
      expect(status).toBe(0);
    });
  });
});
