/**
 * When KV fails: reads answer 503 problem+json with Retry-After, writes report failure, and no
 * half-written state is left. The failing store is the real binding wrapped so that chosen
 * operations throw, handed to the app (or to a corridor's ledger) in place of the binding.
 */
import { createExecutionContext, runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import type { Env } from "../../src/env.ts";
import { adminCall, call, json, putRate } from "../helpers.ts";
import { env, expectProblem, kvSnapshot, quotesBody } from "./helpers.ts";

type Failing = (method: string, key: unknown) => boolean;

/** The real KV binding, except that operations `fails` picks throw as a KV outage would. */
function failingKv(kv: KVNamespace, fails: Failing, message = "simulated outage"): KVNamespace {
  return new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        if (fails(String(prop), args[0])) return Promise.reject(new Error(`KV ${String(prop)} failed: ${message}`));
        return value.apply(target, args);
      };
    },
  });
}

const everything: Failing = () => true;
const app = buildApp();
const ORIGIN = "http://tenc.test";

function callWithKv(fails: Failing, path: string, init: RequestInit = {}, message?: string): Promise<Response> {
  const broken = { ...env, KV: failingKv(env.KV, fails, message) };
  return Promise.resolve(app.fetch(new Request(ORIGIN + path, init), broken, createExecutionContext()));
}

const admin = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { authorization: "Bearer test-admin-token", "content-type": "application/json" },
  body: body === undefined ? undefined : JSON.stringify(body),
});

beforeAll(async () => {
  await putRate("KWD", "INR", "270.5");
  await adminCall("PUT", "/v1/admin/corridors/KWT-IND/quotes/alpha", quotesBody("Alpha Remit"));
});

describe("reads while KV fails", () => {
  for (const path of ["/v1/corridors", "/v1/corridors/KWT-IND", "/v1/corridors/KWT-IND/quotes?amount=100", "/v1/stats/global", "/v1/stats/corridors", "/v1/stats/corridors/KWT-IND/history"]) {
    it(`GET ${path} answers 503 problem+json with Retry-After`, async () => {
      const res = await callWithKv(everything, path);
      const problem = await expectProblem(res, 503);
      expect(problem.type).toMatch(/store-unavailable$/);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    });
  }

  it("a token holder is answered 503, not 401, when the token store cannot be read", async () => {
    const res = await callWithKv(everything, "/v1/admin/corridors/KWT-IND/quotes/alpha", { ...admin("PUT", quotesBody("A")), headers: { authorization: "Bearer tenc_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG", "content-type": "application/json" } });
    await expectProblem(res, 503);
  });
});

describe("writes while KV fails", () => {
  it("a rate write reports failure and stores nothing", async () => {
    const before = await kvSnapshot();
    const res = await callWithKv(everything, "/v1/admin/rates/USD/MXN", admin("PUT", { rate: "17.1", asOf: "2026-11-20T00:00:00Z", source: "t" }));
    await expectProblem(res, 503);
    expect(await kvSnapshot()).toEqual(before);
  });

  it("a rate write whose value put fails takes back its audit record", async () => {
    const before = await kvSnapshot();
    const res = await callWithKv((m, key) => m === "put" && String(key).startsWith("rate:"), "/v1/admin/rates/USD/MXN", admin("PUT", { rate: "17.1", asOf: "2026-11-20T00:00:00Z", source: "t" }));
    await expectProblem(res, 503);
    expect(await kvSnapshot()).toEqual(before);
  });

  it("a token issue whose store fails leaves no token and no audit record", async () => {
    const before = await kvSnapshot();
    const res = await callWithKv((m, key) => m === "put" && String(key).startsWith("token:"), "/v1/admin/tokens", admin("POST", { role: "collector" }));
    await expectProblem(res, 503);
    expect(await kvSnapshot()).toEqual(before);
  });

  it("KV refusing a write rate is answered 429 with Retry-After", async () => {
    const body = { rate: "17.1", asOf: "2026-11-20T00:00:00Z", source: "t" };
    const res = await callWithKv((m) => m === "put", "/v1/admin/rates/USD/MXN", admin("PUT", body), "429 Too Many Requests");
    await expectProblem(res, 429);
    expect(res.headers.get("retry-after")).toBe("1");
  });
});

describe("a quote write while the ledger cannot reach KV", () => {
  it("is kept whole in the ledger, reported as not yet published, and published once KV is back", async () => {
    const stub = env.CORRIDOR_LEDGER.get(env.CORRIDOR_LEDGER.idFromName("KWT-IND"));
    const realEnv = await runInDurableObject(stub, (instance) => {
      const own = (instance as unknown as { env: Env }).env;
      (instance as unknown as { env: Env }).env = { ...own, KV: failingKv(own.KV, everything) };
      return own;
    });
    const res = await adminCall("PUT", "/v1/admin/corridors/KWT-IND/quotes/alpha", quotesBody("Alpha Remit", "299.9"));
    const problem = await expectProblem(res, 503);
    expect(problem.type).toMatch(/not-yet-published$/);
    expect(res.headers.get("retry-after")).toBeTruthy();

    // Stored whole: the history has it, with its actor and previous value.
    const history = (await json(await adminCall("GET", "/v1/admin/corridors/KWT-IND/history"))).records as any[];
    expect(history.at(-1)).toMatchObject({ entry: { products: [{ rate: "299.9" }] }, actor: { id: "operator" }, previous: { products: [{ rate: "270.1234" }] } });
    // Not yet visible: comparisons still read the last published document.
    expect((await json(await call("/v1/corridors/KWT-IND/quotes?amount=100"))).quotes[0].rate).toBe("270.1234");

    await runInDurableObject(stub, (instance) => {
      (instance as unknown as { env: Env }).env = realEnv;
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect((await json(await call("/v1/corridors/KWT-IND/quotes?amount=100"))).quotes[0].rate).toBe("299.9");
    const audit = (await json(await adminCall("GET", "/v1/admin/audit?corridor=KWT-IND"))).records as any[];
    expect(audit[0]).toMatchObject({ action: "quotes:write", value: { products: [{ rate: "299.9" }] } });
  });

  it("a retry of the same write after the failure is answered 200 once published, with nothing duplicated", async () => {
    const before = (await json(await adminCall("GET", "/v1/admin/corridors/KWT-IND/history"))).records.length;
    const res = await adminCall("PUT", "/v1/admin/corridors/KWT-IND/quotes/alpha", quotesBody("Alpha Remit", "299.9"));
    expect(res.status).toBe(200);
    expect((await json(res)).changed).toBe(false);
    expect((await json(await adminCall("GET", "/v1/admin/corridors/KWT-IND/history"))).records.length).toBe(before);
  });
});
