/**
 * A comparison never prices against a stale mid in silence: a mid more than MID_STALE_AFTER_DAYS (4)
 * older than a quote is flagged on the quote and in `midRates`, and more than MID_UNUSABLE_AFTER_DAYS
 * (14) older it does not price the quote at all. Resolution takes the freshest of direct, inverse
 * and EUR cross rates, seen from the newest price they will measure.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { comparePrepared, comparePreparedJson, prepareCorridor } from "../src/domain/compare.ts";
import { Decimal } from "../src/domain/money.ts";
import { resolveMid, type ReferenceRate } from "../src/domain/reference-rates.ts";
import { call, json, product, putProvider, putRate } from "./helpers.ts";
import { pinnedCorridor, pinnedRequests } from "./pinned/cases.ts";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d+Z$/, "Z");
/** Every quote here was observed an hour ago; each mid is older than that by the days a test is about. */
const observed = Date.now() - HOUR;
const midOlderBy = (ms: number) => iso(observed - ms);

const priced = (corridor: string, send: string, receive: string, rate: string, observedAt = iso(observed)) =>
  putProvider(corridor, "solo", {
    provider: { name: "Solo", type: "mto" },
    products: [product({ id: "p", sendCurrency: send, receiveCurrency: receive, fee: { fixed: "1" }, rate, receiverFee: undefined, observedAt })],
  });

const compare = async (corridor: string, amount = "100") => {
  const res = await call(`/v1/corridors/${corridor}/quotes?amount=${amount}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return json(res);
};

beforeAll(async () => {
  // Just under and just over each limit, in whole days of lag behind the quote.
  await putRate("GBP", "INR", "105", "t", midOlderBy(5 * DAY - 60_000)); // 4 days 23:59: fresh
  await priced("GBR-IND", "GBP", "INR", "104");
  await putRate("USD", "MXN", "18", "t", midOlderBy(5 * DAY)); // 5 days: stale
  await priced("USA-MEX", "USD", "MXN", "17.8");
  await putRate("JPY", "PHP", "0.38", "t", midOlderBy(15 * DAY - 60_000)); // 14 days 23:59: stale, still priced
  await priced("JPN-PHL", "JPY", "PHP", "0.37");
  await putRate("KES", "UGX", "36", "t", midOlderBy(15 * DAY)); // 15 days: not used
  await priced("KEN-UGA", "KES", "UGX", "35");
  // A 2019 survey price against the mid of its own day: old, but not a stale mid for that price.
  await putRate("TZS", "KES", "0.0449", "RPW 2019", "2019-10-30T00:00:00Z");
  await priced("TZA-KEN", "TZS", "KES", "0.0440", "2019-10-30T00:00:00Z");
  // A stale direct rate beside a fresh cross through EUR: the cross prices.
  await putRate("GBP", "NGN", "1500", "old direct", midOlderBy(10 * DAY));
  await putRate("EUR", "GBP", "0.8", "ECB", midOlderBy(HOUR));
  await putRate("EUR", "NGN", "1600", "ECB", midOlderBy(2 * HOUR));
  await priced("GBR-NGA", "GBP", "NGN", "1960");
});

describe("a mid's age against the quote it prices", () => {
  it("keeps a mid 4 days and 23 hours older than the quote unflagged", async () => {
    const body = await compare("GBR-IND");
    expect(body.unpriced).toEqual([]);
    expect(body.midRates).toHaveLength(1);
    expect(body.midRates[0]).not.toHaveProperty("stale");
    expect(body.quotes[0]).not.toHaveProperty("midRateStale");
    expect(body.quotes[0].midRate).toBe("105");
  });

  it("flags a mid 5 days older than the quote stale, on the quote and in midRates, and still prices it", async () => {
    const body = await compare("USA-MEX");
    expect(body.unpriced).toEqual([]);
    expect(body.midRates).toEqual([expect.objectContaining({ base: "USD", quote: "MXN", rate: "18", stale: true, ageDays: 5 })]);
    expect(body.quotes).toHaveLength(1);
    expect(body.quotes[0]).toMatchObject({ midRate: "18", midRateStale: true, midRateAgeDays: 5, stale: false, ageDays: 0 });
    // 100 × (18 − 17.8) / 18 = 1.1111 % margin, still shown beside the flag.
    expect(body.quotes[0].fxMarginPercent).toBe("1.1111");
  });

  it("still prices, flagged, against a mid 14 days and 23 hours older than the quote", async () => {
    const body = await compare("JPN-PHL", "10000");
    expect(body.unpriced).toEqual([]);
    expect(body.quotes[0]).toMatchObject({ midRateStale: true, midRateAgeDays: 14 });
    expect(body.midRates[0]).toMatchObject({ stale: true, ageDays: 14 });
  });

  it("lists the product as unpriced, with the reason, when the mid is 15 days older than the quote", async () => {
    const body = await compare("KEN-UGA", "1000");
    expect(body.quotes).toEqual([]);
    expect(body.midRates).toEqual([]);
    expect(body.unpriced).toEqual([{ provider: "solo", product: "p", reason: expect.stringMatching(/KES\/UGX .* 15 days older than the price, more than 14: not used to price/) }]);
  });

  it("prices a 2019 survey quote against the mid of its own day without flagging the mid (the quote itself is old)", async () => {
    const body = await compare("TZA-KEN", "20000");
    expect(body.unpriced).toEqual([]);
    expect(body.midRates[0]).not.toHaveProperty("stale");
    expect(body.quotes[0]).toMatchObject({ stale: true, midRate: "0.0449" });
    expect(body.quotes[0]).not.toHaveProperty("midRateStale");
  });

  it("measures against the time the quote was observed, so a newer quote makes the same mid stale", async () => {
    await priced("TZA-KEN", "TZS", "KES", "0.0440", iso(observed));
    const body = await compare("TZA-KEN", "20000");
    expect(body.quotes).toEqual([]);
    expect(body.unpriced[0].reason).toContain("TZS/KES (as of 2019-10-30T00:00:00Z)");
  });
});

describe("the freshest mid", () => {
  it("prices GBP→NGN with the fresh cross through EUR rather than the 10-day-old direct rate", async () => {
    const body = await compare("GBR-NGA");
    // 1600 / 0.8 = 2000 NGN per GBP, as of the older leg.
    expect(body.midRates).toEqual([{ base: "GBP", quote: "NGN", rate: "2000", asOf: midOlderBy(2 * HOUR), source: "ECB", derivation: "cross_eur" }]);
    expect(body.quotes[0]).not.toHaveProperty("midRateStale");
  });

  const rate = (base: string, quote: string, value: string, asOf: string): ReferenceRate => ({ base, quote, rate: value, asOf, source: `${base}/${quote}` });
  const lookupOf = (rates: ReferenceRate[]) => (b: string, q: string) => rates.find((r) => r.base === b && r.quote === q);

  it("takes the most recent of direct, inverse and cross, whatever the kind", () => {
    const rates = [rate("USD", "MXN", "18", "2026-11-01T00:00:00Z"), rate("MXN", "USD", "0.05", "2026-11-03T00:00:00Z"), rate("EUR", "USD", "1.1", "2026-11-02T00:00:00Z"), rate("EUR", "MXN", "21", "2026-11-02T00:00:00Z")];
    expect(resolveMid("USD", "MXN", lookupOf(rates))).toMatchObject({ derivation: "inverse", asOf: "2026-11-03T00:00:00Z" });
    expect(resolveMid("USD", "MXN", lookupOf(rates.slice(0, 1).concat(rates.slice(2))))).toMatchObject({ derivation: "cross_eur", asOf: "2026-11-02T00:00:00Z" });
  });

  it("dates a cross by its older leg, and compares instants, not strings", () => {
    // 2026-11-02T00:30+01:00 is 2026-11-01T23:30Z: older than the direct rate of 2026-11-01T23:45Z.
    const rates = [rate("USD", "MXN", "18", "2026-11-01T23:45:00Z"), rate("EUR", "USD", "1.1", "2026-11-02T00:30:00+01:00"), rate("EUR", "MXN", "21", "2026-11-05T00:00:00Z")];
    expect(resolveMid("USD", "MXN", lookupOf(rates))).toMatchObject({ derivation: "direct" });
  });

  it("seen from the newest price it will measure, takes the rate closest to that price", () => {
    // A 2019 survey priced on 2019-10-30: its own day's direct rate, not the inverse of the day after.
    const rates = [rate("KES", "RWF", "8.9305", "2019-10-30T00:00:00Z"), rate("RWF", "KES", "0.112565", "2019-10-31T00:00:00Z")];
    expect(resolveMid("KES", "RWF", lookupOf(rates), Date.parse("2019-10-30T00:00:00Z"))?.derivation).toBe("direct");
    expect(resolveMid("KES", "RWF", lookupOf(rates))?.derivation).toBe("inverse");
    // A price observed this morning: this afternoon's fixing is closer than yesterday's.
    const today = [rate("USD", "MXN", "18", "2026-11-01T14:10:00+01:00"), rate("EUR", "USD", "1.1", "2026-11-02T14:10:00+01:00"), rate("EUR", "MXN", "21", "2026-11-02T14:10:00+01:00")];
    expect(resolveMid("USD", "MXN", lookupOf(today), Date.parse("2026-11-02T09:00:00Z"))?.derivation).toBe("cross_eur");
  });

  it("keeps direct, then inverse, then cross when they are equally recent", () => {
    const at = "2026-11-02T14:10:00+01:00";
    const all = [rate("USD", "MXN", "18", at), rate("MXN", "USD", "0.05", at), rate("EUR", "USD", "1.1", at), rate("EUR", "MXN", "21", at)];
    expect(resolveMid("USD", "MXN", lookupOf(all))?.derivation).toBe("direct");
    expect(resolveMid("USD", "MXN", lookupOf(all.slice(1)))?.derivation).toBe("inverse");
    expect(resolveMid("USD", "MXN", lookupOf(all.slice(2)))?.derivation).toBe("cross_eur");
  });
});

describe("the comparison's JSON text with stale mids", () => {
  it("is JSON.stringify of the comparison, byte for byte, with quotes flagged, priced and left unpriced", () => {
    const { doc, mids } = pinnedCorridor(16);
    // Pinned quotes are observed 2026-09-01 to 2026-11-09: mids of 2026-08-15 lag them by 17 to 86 days.
    const old = new Map([...mids].map(([pair, m]) => [pair, m && { ...m, asOf: "2026-08-15T00:00:00Z" }]));
    const corridor = prepareCorridor(doc);
    let flagged = 0;
    let unpriced = 0;
    for (const req of pinnedRequests()) {
      const r = { ...req, amount: new Decimal(req.amount), midAgeLimits: { staleAfterDays: 4, unusableAfterDays: 60 } };
      const result = comparePrepared(corridor, old, r);
      expect(comparePreparedJson(corridor, old, r)).toBe(JSON.stringify(result));
      flagged += result.quotes.filter((q) => q.midRateStale).length;
      unpriced += result.unpriced.filter((u) => u.reason.includes("not used to price")).length;
    }
    expect(flagged).toBeGreaterThan(0);
    expect(unpriced).toBeGreaterThan(0);
  });
});
