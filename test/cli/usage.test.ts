/**
 * Command lines that are wrong end with the usage exit code (2) and a sentence in the command
 * line's terms, before any request: the service URL points where nothing listens, so a request
 * would have ended with 6 (unavailable) instead.
 */
import { describe, expect, it } from "vitest";
import { freePort } from "../browser/local-worker.ts";
import { runCli } from "./run-cli.ts";

describe("tenc usage errors", () => {
  it("asks for --provider-id with --role provider, and refuses it with another role", async () => {
    const env = { TENC_URL: `http://127.0.0.1:${await freePort()}`, TENC_TOKEN: "test-admin-token" };
    const missing = await runCli(["tokens", "create", "--role", "provider"], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--provider-id is required with --role provider");
    const extra = await runCli(["tokens", "create", "--role", "collector", "--provider-id", "alpha-remit"], env);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain("--provider-id is only for --role provider");
    // The same command, well formed, does ask the service (here: nobody there).
    expect((await runCli(["tokens", "create", "--role", "provider", "--provider-id", "alpha-remit"], env)).code).toBe(6);
  });
});
