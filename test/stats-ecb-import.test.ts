/**
 * ECB reference rates: the XML import, the scheduled daily fetch, and what comparisons then read.
 */
import { env as cloudflareEnv } from "cloudflare:workers";
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import daily from "../data/ecb/eurofxref-daily.xml?raw";
import history from "../data/ecb/eurofxref-hist-extract-2019-12-17_2020-01-28.xml?raw";
import worker from "../src/index.ts";
import type { Env } from "../src/env.ts";
import { Decimal } from "../src/domain/money.ts";
import { compareFractions, fractionOf, scaledOf } from "../src/domain/rational.ts";
import { kvRatesRepo } from "../src/store/rates-repo.ts";
import { statsLedgerOf } from "../src/http/services.ts";
import { adminCall, json } from "./helpers.ts";

const env = cloudflareEnv as unknown as Env;
const importXml = (xml: string) => adminCall("POST", "/v1/admin/imports/ecb", xml, { "content-type": "application/xml" });

afterEach(() => vi.restoreAllMocks());

describe("ECB XML import", () => {
  it("stores every dated rate of the historical extract and takes its newest day as the current rate", async () => {
    const res = await importXml(history);
    expect(res.status).toBe(200);
    const report = await json(res);
    expect(report).toMatchObject({ latest: "2020-01-28", skipped: [] });
    expect(report.days).toBeGreaterThan(20);
    const day = await statsLedgerOf(env).ecbRatesOn("2019-12-17");
    expect(day?.date).toBe("2019-12-17");
    expect(Object.keys(day!.rates).length).toBeGreaterThan(25);
    // A Sunday falls back to the Friday before it.
    expect((await statsLedgerOf(env).ecbRatesOn("2019-12-22"))?.date).toBe("2019-12-20");
  });

  it("derives cross rates through EUR exactly from the current rates (USD→MXN = EUR→MXN / EUR→USD)", async () => {
    await importXml(daily);
    const resolved = await kvRatesRepo(env.KV).resolve([["USD", "MXN"]]);
    const mid = resolved.get("USD/MXN")!;
    expect(mid.derivation).toBe("cross_eur");
    const usd = /currency='USD' rate='([\d.]+)'/.exec(daily)![1]!;
    const mxn = /currency='MXN' rate='([\d.]+)'/.exec(daily)![1]!;
    // Exactly: rate × EUR→USD is EUR→MXN, as fractions; shown to 10 significant digits.
    const usdF = fractionOf(scaledOf(usd));
    expect(compareFractions({ num: mid.rate.num * usdF.num, den: mid.rate.den * usdF.den }, fractionOf(scaledOf(mxn)))).toBe(0);
    expect(mid.shown).toBe(new Decimal(mxn).dividedBy(usd).toSignificantDigits(10).toString());
    expect(mid.asOf.startsWith("2025-05-09")).toBe(true);
  });

  it("does not take the current rate back in time when an older file is loaded after a newer one", async () => {
    await importXml(daily);
    const report = await json(await importXml(history));
    // Only currencies the newer file no longer lists (HRK, RUB) may take their rate from the older one.
    expect(report.current.filter((c: string) => daily.includes(`currency='${c}'`))).toEqual([]);
    const stored = await kvRatesRepo(env.KV).stored([["EUR", "USD"]]);
    expect(stored.get("EUR/USD")?.asOf.startsWith("2025-05-09")).toBe(true);
  });

  it("answers malformed XML with a 400 problem naming the line", async () => {
    const res = await importXml("<gesmes:Envelope><Cube><Cube time='2020-01-01'></Cube></gesmes:Envelope>");
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    expect((await json(res)).detail).toMatch(/malformed at line 1/);
  });

  it("answers well-formed XML that is not an ECB file with a 400", async () => {
    const res = await importXml("<root><a/></root>");
    expect(res.status).toBe(400);
    expect((await json(res)).detail).toMatch(/not an ECB reference rates file/);
  });

  it("refuses a body that is not XML with 415", async () => {
    const res = await adminCall("POST", "/v1/admin/imports/ecb", "{}", { "content-type": "application/json" });
    expect(res.status).toBe(415);
  });
});

describe("the scheduled ECB refresh", () => {
  it("fetches the daily file from ECB_DAILY_URL and loads it, without the network", async () => {
    const fetched: string[] = [];
    vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
      fetched.push(String(input instanceof Request ? input.url : input));
      return new Response(daily, { headers: { "content-type": "text/xml" } });
    });
    const ctx = createExecutionContext();
    // The day of the shipped daily file (a Friday): the feed wants that day's rates (test/rates-feed.test.ts).
    await worker.scheduled!(createScheduledController({ scheduledTime: new Date("2025-05-09T15:30:00Z"), cron: "30 15 * * 1-5" }), env, ctx);
    await waitOnExecutionContext(ctx);
    expect(fetched).toEqual([env.ECB_DAILY_URL]);
    const day = await statsLedgerOf(env).ecbRatesOn("2025-05-09");
    expect(day?.rates.USD).toBe("1.1252");
  });
});
