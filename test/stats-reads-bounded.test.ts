/**
 * Statistics are precomputed when data is written: a statistics request reads at most 2 KV keys,
 * however many corridors are stored. Counted by wrapping the real KV binding the services use.
 */
import { env as cloudflareEnv } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import countries from "i18n-iso-countries";
import { buildApp } from "../src/app.ts";
import type { Env } from "../src/env.ts";
import { adminCall, json } from "./helpers.ts";

const env = cloudflareEnv as unknown as Env;

const HEADER =
  "PERIOD,SOURCE_CODE,SOURCE_NAME,DESTINATION_CODE,DESTINATION_NAME,FIRM,FIRM_TYPE,PAYMENT INSTRUMENT,SPEED ACTUAL,CC1 LCU AMOUNT,CC1 DENOMINATION AMOUNT,CC1 LCU CODE,CC1 LCU FEE,CC1 LCU FX RATE,CC1 FX MARGIN,CC1 TOTAL COST %,CC2 LCU AMOUNT,CC2 DENOMINATION AMOUNT,CC2 LCU CODE,CC2 LCU FEE,CC2 LCU FX RATE,CC2 FX MARGIN,CC2 TOTAL COST %,INTER LCU BANK FX,TRANSPARENT,NOTE1,NOTE2,PICK-UP METHOD,DATE,CORRIDOR";

/** 1,000 corridors of 3 services each, in 2019Q4. */
function thousandCorridors(): { csv: string; corridors: string[] } {
  const codes = Object.keys(countries.getAlpha3Codes()).sort();
  const corridors: string[] = [];
  const lines = [HEADER];
  for (const from of codes.slice(0, 40)) {
    for (const to of codes.slice(100, 125)) {
      corridors.push(`${from}-${to}`);
      for (let i = 0; i < 3; i++) {
        const total = (5 + i + corridors.length / 1000).toFixed(2);
        lines.push(`2019_4Q,${from},,${to},,Firm ${i},Bank,Cash to cash,Next day,200,200,USD,8,1,1.00,${total},500,500,USD,10,1,1.00,${total},1,yes,,,Cash,01/Nov/2019,${from}${to}`);
      }
    }
  }
  return { csv: lines.join("\n"), corridors };
}

function countingKv(kv: KVNamespace) {
  const counts = { operations: 0, keys: 0 };
  const counted = new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        counts.operations++;
        counts.keys += prop === "list" ? 1000 : Array.isArray(args[0]) ? args[0].length : 1;
        return value.apply(target, args);
      };
    },
  });
  return { kv: counted, counts };
}

describe("statistics requests read a bounded number of KV keys", () => {
  let corridors: string[] = [];
  beforeAll(async () => {
    const data = thousandCorridors();
    corridors = data.corridors;
    const res = await adminCall("POST", "/v1/admin/imports/rpw", data.csv, { "content-type": "text/csv" });
    expect(res.status).toBe(200);
    expect((await json(res)).imported).toBe(3000);
  }, 120_000);

  const app = buildApp();
  const paths = () => [
    `/v1/stats/corridors/${corridors[0]}?period=2019Q4`,
    `/v1/stats/corridors/${corridors[999]}`,
    `/v1/stats/corridors/${corridors[500]}/history?amount=500`,
    "/v1/stats/corridors?period=2019Q4",
    "/v1/stats/corridors",
    "/v1/stats/global?period=2019Q4",
    "/v1/stats/global?format=csv",
  ];

  it("answers each statistics request from at most 2 KV keys with 1,000 corridors stored", async () => {
    for (const path of paths()) {
      const { kv, counts } = countingKv(env.KV);
      const res = await app.fetch(new Request(`http://tenc.test${path}`), { ...env, KV: kv }, { waitUntil() {}, passThroughOnException() {}, props: {} } as unknown as ExecutionContext);
      expect(res.status, path).toBe(200);
      await res.text();
      expect(counts.keys, path).toBeLessThanOrEqual(2);
      expect(counts.keys, path).toBeGreaterThanOrEqual(1);
    }
  });

  it("holds all 1,000 corridors in the quarter's figures", async () => {
    const { kv } = countingKv(env.KV);
    const res = await app.fetch(new Request("http://tenc.test/v1/stats/global?period=2019Q4"), { ...env, KV: kv }, {} as ExecutionContext);
    const global = await json(res);
    expect(global).toMatchObject({ corridors: 1000, services: 3000, transparentServices: 3000 });
    expect(global.corridorsAbove5Percent).toHaveLength(1000);
  });

  it("keeps a quarter's global figures in a value of their own, apart from its corridors' statistics", async () => {
    const global = await env.KV.get("stats:global:2019Q4");
    const corridorList = await env.KV.get("stats:period:2019Q4");
    expect(global).not.toBeNull();
    expect(corridorList).not.toBeNull();
    // Both amounts' figures, with the 1,000 corridors above 5 % named, but none of their statistics.
    expect(global).not.toContain('"medianTotalCostPercent"');
    expect(global!.length * 5).toBeLessThan(corridorList!.length);
  });

  it("answers the global figures from the text stored for that amount, the same as the quarter's document says", async () => {
    const doc = JSON.parse((await env.KV.get("stats:global:2019Q4"))!);
    for (const amount of ["200", "500"]) {
      const { kv, counts } = countingKv(env.KV);
      const res = await app.fetch(new Request(`http://tenc.test/v1/stats/global?period=2019Q4&amount=${amount}`), { ...env, KV: kv }, {} as ExecutionContext);
      expect(res.headers.get("content-type")).toContain("application/json");
      expect(await res.text()).toBe(await env.KV.get(`stats:global:2019Q4:${amount}`));
      expect(counts.keys).toBe(1);
      expect(JSON.parse((await env.KV.get(`stats:global:2019Q4:${amount}`))!)).toEqual({ ...doc.amounts[amount], updatedAt: doc.updatedAt });
    }
  });
});
