/**
 * Comparisons must not drift unseen: pinned outputs of the pricing engine, checked in the domain
 * and end to end through the route. (The engine's correctness is pricing.property.test.ts's.)
 */
import type { Comparison } from "../../src/domain/compare.ts";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { compare, comparePrepared, comparePreparedJson, comparisonText, prepareCorridor } from "../../src/domain/compare.ts";
import { Decimal } from "../../src/domain/money.ts";
import { adminCall, call, json, putRate } from "../helpers.ts";
import { pinnedCorridor, pinnedRates, pinnedRequests } from "./cases.ts";
import golden from "./compare-golden.json";
import { compact, sha256 } from "./golden.ts";

const requests = pinnedRequests();

describe("pinned comparison outputs", () => {
  it("has one pinned output per pinned request", () => {
    expect(golden).toHaveLength(requests.length);
  });

  it("reproduces every pinned comparison digit for digit", async () => {
    const { doc, mids } = pinnedCorridor(16);
    for (const [i, req] of requests.entries()) {
      // `excluded` came after the pin (old quotes left out); with none excluded the rest must not move.
      const { excluded, ...result } = compare(doc, mids, { ...req, amount: new Decimal(req.amount) });
      expect(excluded).toEqual([]);
      expect(compact(result as Comparison), `request ${i}: ${JSON.stringify(req)}`).toEqual({ quotes: golden[i]!.quotes, unpriced: golden[i]!.unpriced });
      expect(await sha256(result as Comparison), `request ${i}`).toBe(golden[i]!.sha256);
    }
  });

});

describe("the comparison written as JSON text", () => {
  it("is JSON.stringify of the comparison, byte for byte, for every pinned request and random corridors", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 16 }), fc.nat({ max: requests.length - 1 }), fc.integer({ min: 1, max: 5_000_000 }), (seed, providers, r, units) => {
        const { doc, mids } = pinnedCorridor(providers, seed);
        const corridor = prepareCorridor(doc);
        const base = requests[r]!;
        const digits = base.sendCurrency === "JPY" ? 0 : base.sendCurrency === "USD" ? 2 : 3;
        const req = { ...base, amount: new Decimal(units).dividedBy(new Decimal(10).pow(digits)), staleAfterDays: seed % 3 === 0 ? 0 : 30, excludeAfterDays: seed % 5 === 0 ? 1 : 0 };
        // Twice: the second time from the fragments the first one left on the prepared corridor.
        for (let i = 0; i < 2; i++) expect(comparePreparedJson(corridor, mids, req)).toBe(JSON.stringify(comparePrepared(corridor, mids, req)));
      }),
      { numRuns: 300 },
    );
  });

  it("gives, beside the text, the first quote and each quote's age in days, which move with the clock", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 0, max: 400 * 24 }), (seed, providers, hours) => {
        const { doc, mids } = pinnedCorridor(providers, seed);
        const corridor = prepareCorridor(doc);
        const req = { ...requests[9]!, amount: new Decimal(requests[9]!.amount), now: new Date(requests[9]!.now.getTime() + hours * 3_600_000) };
        const text = comparisonText(corridor, mids, req);
        const { quotes } = comparePrepared(corridor, mids, req);
        expect(text.firstQuote).toBe(quotes.length === 0 ? "" : JSON.stringify(quotes[0]));
        expect(text.ages).toBe(quotes.map((q) => `${q.ageDays},`).join(""));
        const dayLater = comparisonText(corridor, mids, { ...req, now: new Date(req.now.getTime() + 86_400_000) });
        if (quotes.length > 0) expect(dayLater.ages).not.toBe(text.ages);
      }),
      { numRuns: 100 },
    );
  });
});

describe("pinned comparisons through the route", () => {
  const { doc } = pinnedCorridor(16);

  beforeAll(async () => {
    // The rates behind pinnedMids(), stored as the operator would: direct, inverse and via EUR.
    for (const [base, quote, rate] of pinnedRates) await putRate(base, quote, rate);
    await Promise.all(
      doc.providers.map(async (p) => {
        const res = await adminCall("PUT", `/v1/admin/corridors/KWT-IND/quotes/${p.id}`, { provider: p.provider, products: p.products });
        expect(res.status).toBe(200);
      }),
    );
  });

  it("answers every pinned request with the pinned quotes", async () => {
    for (const [i, req] of requests.entries()) {
      const query = new URLSearchParams({ [req.question === "send" ? "amount" : "recipientAmount"]: req.amount, sendCurrency: req.sendCurrency, sort: req.sort });
      if (req.receiveCurrency) query.set("receiveCurrency", req.receiveCurrency);
      for (const [k, v] of Object.entries(req.filters)) if (v !== undefined) query.set(k, v);
      const res = await call(`/v1/corridors/KWT-IND/quotes?${query}`);
      expect(res.status, `request ${i}`).toBe(200);
      const body = await json(res);
      expect(compact(body), `request ${i}: ${query}`).toEqual({ quotes: golden[i]!.quotes, unpriced: golden[i]!.unpriced });
    }
  });
});
