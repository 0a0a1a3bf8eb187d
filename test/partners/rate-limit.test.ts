/**
 * The limits here are vitest.config.ts's (ADDRESS_LIMITER 5, PARTNER_LIMITER 8 a minute), smaller
 * than wrangler.toml's so a test reaches them quickly. Each test uses its own address or key.
 */
import { describe, expect, it } from "vitest";
import { ADMIN_TOKEN, adminCall, call, json } from "../helpers.ts";
import { isLoopback } from "../../src/http/rate-limit.ts";

const ADDRESS_LIMIT = 5;
const PARTNER_LIMIT = 8;

async function statuses(n: number, headers: Record<string, string>): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push((await call("/v1/corridors", { headers })).status);
  return out;
}

describe("Rate limits", () => {
  it("Should answer 429 problem+json with Retry-After past the per-address limit", async () => {
    const address = { "cf-connecting-ip": "203.0.113.10" };
    expect(await statuses(ADDRESS_LIMIT, address)).toEqual(Array(ADDRESS_LIMIT).fill(200));
    const over = await call("/v1/corridors", { headers: { ...address, origin: "https://ngo.example" } });
    expect(over.status).toBe(429);
    expect(over.headers.get("content-type")).toBe("application/problem+json");
    expect(over.headers.get("retry-after")).toBe("60");
    expect(over.headers.get("access-control-allow-origin")).toBe("*");
    expect((await json(over)).type).toContain("rate-limited");
    // Another address is counted on its own.
    expect((await call("/v1/corridors", { headers: { "cf-connecting-ip": "203.0.113.11" } })).status).toBe(200);
  });

  it("Should count a partner's key on its own, whatever address it comes from", async () => {
    const { key } = await json(await adminCall("POST", "/v1/admin/keys", { name: "Busy partner" }));
    const results: number[] = [];
    for (let i = 0; i <= PARTNER_LIMIT; i++) {
      results.push((await call("/v1/corridors", { headers: { "x-api-key": key, "cf-connecting-ip": `198.51.100.${i}` } })).status);
    }
    expect(results).toEqual([...Array(PARTNER_LIMIT).fill(200), 429]);
    // The key's limit is not the address's: the same address without the key still gets through.
    expect((await call("/v1/corridors", { headers: { "cf-connecting-ip": "198.51.100.0" } })).status).toBe(200);
  });

  it("Should not count requests carrying the admin token", async () => {
    const headers = { "cf-connecting-ip": "203.0.113.20", authorization: `Bearer ${ADMIN_TOKEN}` };
    expect(await statuses(ADDRESS_LIMIT * 2, headers)).toEqual(Array(ADDRESS_LIMIT * 2).fill(200));
    // ...while a wrong token is counted like anyone else.
    const wrong = { "cf-connecting-ip": "203.0.113.21", authorization: "Bearer guess" };
    expect((await statuses(ADDRESS_LIMIT + 1, wrong)).at(-1)).toBe(429);
  });

  it("Should never count requests from the machine itself (a local copy serves its owner)", async () => {
    // What `npm start` (wrangler dev) sets for a request from the same machine: a regulator's script
    // of quarterly lookups, or a second /embed view, goes far past the per-address limit.
    for (const address of ["127.0.0.1", "::1", "127.8.9.10", "::ffff:127.0.0.1", "0:0:0:0:0:0:0:1"]) {
      expect(await statuses(ADDRESS_LIMIT * 3, { "cf-connecting-ip": address }), address).toEqual(Array(ADDRESS_LIMIT * 3).fill(200));
    }
  });

  it("Should count addresses that only look local", () => {
    for (const address of ["128.0.0.1", "10.0.0.1", "192.168.1.1", "::2", "2001:db8::1", "::ffff:10.0.0.1", "1127.0.0.1", "127.0.0.1.example"]) expect(isLoopback(address), address).toBe(false);
    for (const address of ["127.0.0.1", "::1", "[::1]", "::ffff:127.0.0.1", "0000:0000:0000:0000:0000:0000:0000:0001"]) expect(isLoopback(address), address).toBe(true);
  });
});
