/**
 * `tenc` runs with a capped V8 heap (cli/bin/tenc.js replaces its own process with one started with
 * `--max-old-space-size`), which keeps an import of 250,000 rows under 300 MB (bench/README.md).
 * Read from the running process itself: its command line while a request it sent is held open.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startCli } from "./run-cli.ts";

let server: ReturnType<typeof createServer>;
let url: string;
const held: { resolve: (r: ServerResponse) => void }[] = [];

beforeAll(async () => {
  server = createServer((_req: IncomingMessage, res: ServerResponse) => held.shift()?.resolve(res));
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Runs `tenc tokens list`, holds its request, and gives the process's command line as it was then. */
async function commandLineWhileRunning(env: Record<string, string>): Promise<{ argv: string[]; code: number | null; stdout: string }> {
  const request = new Promise<ServerResponse>((resolve) => held.push({ resolve }));
  const cli = startCli(["tokens", "list"], { TENC_URL: url, TENC_TOKEN: "test-token", ...env });
  const res = await request;
  const argv = readFileSync(`/proc/${cli.child.pid}/cmdline`, "utf8").split("\0").filter(Boolean);
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ tokens: [] }));
  const run = await cli.done;
  return { argv, code: run.code, stdout: run.stdout };
}

describe.runIf(process.platform === "linux")("tenc's heap", () => {
  it("is capped in the process that does the work, the same process that was started", async () => {
    const run = await commandLineWhileRunning({ NODE_OPTIONS: "" });
    expect(run.argv).toContain("--max-old-space-size=160");
    expect(run.argv.some((a) => a.endsWith("tenc.js"))).toBe(true);
    expect(run.code).toBe(0);
  });

  it("is left as the caller set it in NODE_OPTIONS", async () => {
    const run = await commandLineWhileRunning({ NODE_OPTIONS: "--max-old-space-size=512" });
    expect(run.argv.filter((a) => a.startsWith("--max-old-space-size"))).toEqual([]);
    expect(run.code).toBe(0);
  });
});
