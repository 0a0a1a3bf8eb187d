import { beforeAll, describe, expect, it } from "vitest";
import { adminCall, call, product, putProvider, putRate } from "../helpers.ts";

const ORIGIN = "https://ngo.example";

beforeAll(async () => {
  await putRate("KWD", "INR", "272.5");
  await putProvider("KWT-IND", "alpha-remit", { provider: { name: "Alpha Remit", type: "mto" }, products: [product()] });
});

describe("CORS", () => {
  it("Should let any origin read public GET responses", async () => {
    for (const path of ["/v1/corridors", "/v1/corridors/KWT-IND/quotes?amount=200", "/widget.js", "/openapi.json"]) {
      const res = await call(path, { headers: { origin: ORIGIN } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get("access-control-allow-origin"), path).toBe("*");
    }
  });

  it("Should answer a preflight that sends X-Api-Key", async () => {
    const res = await call("/v1/corridors/KWT-IND/quotes?amount=200", {
      method: "OPTIONS",
      headers: { origin: ORIGIN, "access-control-request-method": "GET", "access-control-request-headers": "x-api-key" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    expect(res.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("x-api-key");
  });

  it("Should let errors be read cross-origin too", async () => {
    const res = await call("/v1/corridors/KWT-IND/quotes?amount=-1", { headers: { origin: ORIGIN } });
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("Should never answer cross-origin on admin routes", async () => {
    const get = await adminCall("GET", "/v1/admin/keys", undefined, { origin: ORIGIN });
    expect(get.status).toBe(200);
    expect(get.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await call("/v1/admin/rates/KWD/INR", { method: "OPTIONS", headers: { origin: ORIGIN, "access-control-request-method": "PUT" } });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.status).toBeGreaterThanOrEqual(400);
  });
});

describe("Caching", () => {
  it("Should send Cache-Control and an ETag, and 304 on a matching If-None-Match", async () => {
    const path = "/v1/corridors/KWT-IND/quotes?amount=200";
    const first = await call(path);
    expect(first.status).toBe(200);
    expect(first.headers.get("cache-control")).toMatch(/^public, max-age=\d+/);
    // Weak: worked out from what the comparison is made of, not from its bytes.
    const tag = first.headers.get("etag");
    expect(tag).toMatch(/^W\/"[0-9a-f]{40}"$/);
    const body = await first.text();

    const same = await call(path);
    expect(same.headers.get("etag")).toBe(tag);
    expect(await same.text()).toBe(body);

    const again = await call(path, { headers: { "if-none-match": tag!, origin: ORIGIN } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(tag);
    expect(await again.text()).toBe("");

    const other = await call(path, { headers: { "if-none-match": '"something-else"' } });
    expect(other.status).toBe(200);
  });

  it("Should give other public answers their body's SHA-1 as a strong ETag", async () => {
    const res = await call("/v1/corridors");
    const tag = res.headers.get("etag");
    const digest = new Uint8Array(await crypto.subtle.digest("SHA-1", await res.arrayBuffer()));
    expect(tag).toBe(`"${[...digest].map((b) => b.toString(16).padStart(2, "0")).join("")}"`);
  });

  it("Should change a comparison's ETag whenever its answer changes", async () => {
    const answers: { what: string; tag: string | null; body: string }[] = [];
    const ask = async (what: string, query: string) => {
      const res = await call(`/v1/corridors/KWT-IND/quotes?${query}`);
      expect(res.status, what).toBe(200);
      answers.push({ what, tag: res.headers.get("etag"), body: await res.text() });
    };
    await ask("amount", "amount=200");
    await ask("the same amount written otherwise", "amount=200.00");
    await ask("another amount", "amount=300");
    await ask("another order", "amount=200&sort=total_cost");
    await ask("the other question", "recipientAmount=50000");
    await putRate("KWD", "INR", "272.6");
    await ask("a new reference rate", "amount=200");
    await putProvider("KWT-IND", "alpha-remit", { provider: { name: "Alpha Remit", type: "mto" }, products: [product({ rate: "270.2" })] });
    await ask("a new quote", "amount=200");
    await putRate("KWD", "INR", "272.5");
    await putProvider("KWT-IND", "alpha-remit", { provider: { name: "Alpha Remit", type: "mto" }, products: [product()] });
    await ask("everything as it was but the time of the last write", "amount=200");

    expect(answers[1]!.body).toBe(answers[0]!.body);
    expect(answers[1]!.tag).toBe(answers[0]!.tag);
    for (const a of answers) {
      for (const b of answers) {
        if (a.body !== b.body) expect(a.tag, `${a.what} against ${b.what}`).not.toBe(b.tag);
      }
    }
  });

  it("Should not mark errors or admin answers as cacheable", async () => {
    const bad = await call("/v1/corridors/KWT-IND/quotes?amount=abc");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("cache-control")).toBeNull();
    const admin = await adminCall("GET", "/v1/admin/keys");
    expect(admin.headers.get("cache-control")).toBeNull();
    expect(admin.headers.get("etag")).toBeNull();
  });
});
