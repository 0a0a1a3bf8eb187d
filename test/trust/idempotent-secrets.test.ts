/**
 * Secrets and the idempotency store (issue 13, item 5): an answer that shows a secret (a partner
 * key, a token) is never stored for replay; a repeat of its request is a 409 saying why, and
 * nothing is issued twice.
 */
import { describe, expect, it } from "vitest";
import { adminCall, json } from "../helpers.ts";
import { expectProblem, kvSnapshot } from "./helpers.ts";

/** Whether any KV value holds `secret` in clear. */
async function storedAnywhere(secret: string): Promise<boolean> {
  for (const value of (await kvSnapshot()).values()) if (value.includes(secret)) return true;
  return false;
}

describe("an answer that shows a secret, sent with an Idempotency-Key", () => {
  it("a partner key is issued once, stored nowhere in clear, and the repeat is a 409 saying why", async () => {
    const first = await adminCall("POST", "/v1/admin/keys", { name: "Idempotent portal" }, { "idempotency-key": "key-issue-1" });
    expect(first.status).toBe(201);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const issued = await json(first);
    expect(await storedAnywhere(issued.key)).toBe(false);

    const again = await adminCall("POST", "/v1/admin/keys", { name: "Idempotent portal" }, { "idempotency-key": "key-issue-1" });
    const problem = await expectProblem(again, 409);
    expect(problem).toMatchObject({ field: "Idempotency-Key", firstStatus: 201 });
    expect(problem.detail).toMatch(/showed a secret once and is stored nowhere/);
    expect(JSON.stringify(problem)).not.toContain(issued.key);
    const keys = (await json(await adminCall("GET", "/v1/admin/keys"))).keys.filter((k: { name: string }) => k.name === "Idempotent portal");
    expect(keys.map((k: { id: string }) => k.id)).toEqual([issued.id]);
  });

  it("a token is issued once, stored nowhere in clear, and the repeat is a 409", async () => {
    const first = await adminCall("POST", "/v1/admin/tokens", { role: "provider", providerId: "idem-token" }, { "idempotency-key": "token-issue-1" });
    expect(first.status).toBe(201);
    const issued = await json(first);
    expect(await storedAnywhere(issued.token)).toBe(false);
    await expectProblem(await adminCall("POST", "/v1/admin/tokens", { role: "provider", providerId: "idem-token" }, { "idempotency-key": "token-issue-1" }), 409);
    const tokens = (await json(await adminCall("GET", "/v1/admin/tokens"))).tokens.filter((t: { providerId?: string }) => t.providerId === "idem-token");
    expect(tokens).toHaveLength(1);
  });

  it("the same key with another request is still a 422", async () => {
    expect((await adminCall("POST", "/v1/admin/keys", { name: "First" }, { "idempotency-key": "key-issue-2" })).status).toBe(201);
    await expectProblem(await adminCall("POST", "/v1/admin/keys", { name: "Second" }, { "idempotency-key": "key-issue-2" }), 422);
  });
});
