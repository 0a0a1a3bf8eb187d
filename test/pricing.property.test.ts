/**
 * The pricing engine against an independent oracle: DESIGN.md section 2's formulas written plainly
 * on decimal.js at 80 significant digits, each rounding done once, at the end, on a value whose
 * only division is the last step (so a result on a rounding boundary is found exactly). Drawn:
 * products of every fee shape (bands, min/max, both modes, receiver fees, fees with more decimals
 * than the currency), currencies with 0, 2 and 3 minor digits, mids set directly, as an inverse
 * and crossed through EUR, and mids below the provider's rate (negative margins).
 */
import DecimalJs from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { digitsOf } from "../src/domain/money.ts";
import { feeUnits, planFor, price, pricedProduct, recipientGetsUnits, senderPaysOf, shown, type Shown } from "../src/domain/pricing.ts";
import { rank, type Rankable } from "../src/domain/ranking.ts";
import { resolveMid, type ReferenceRate } from "../src/domain/reference-rates.ts";
import { cheapestSendUnits } from "../src/domain/reverse.ts";
import { scaledOf, unitsAt } from "../src/domain/rational.ts";
import type { ProductInput } from "../src/domain/schemas.ts";

const D = DecimalJs.clone({ precision: 80, rounding: DecimalJs.ROUND_HALF_EVEN, toExpNeg: -100, toExpPos: 100 });
type D = DecimalJs;

const SEND = ["JPY", "USD", "KWD", "BHD"] as const;
const RECEIVE = ["JPY", "KRW", "USD", "MXN", "INR", "KWD", "BHD"] as const;

const UNPRICED_FIELDS = { payIn: "cash", payOut: "cash", speed: "same_day", transparent: true, observedAt: "2026-11-20T10:00:00Z", sample: false } as const;

const fromUnits = (units: number | bigint, digits: number) => new D(units.toString()).dividedBy(new D(10).pow(digits)).toFixed();

/** A non-negative amount with the currency's digits and sometimes one or two more. */
const feeAmount = (digits: number, maxUnits: number) => fc.tuple(fc.integer({ min: 0, max: maxUnits }), fc.integer({ min: 0, max: 2 })).map(([u, extra]) => fromUnits(u, digits + extra));
const percent = fc.oneof(fc.constant("0"), fc.integer({ min: 0, max: 9999 }).map((bp) => fromUnits(bp, 2)), fc.integer({ min: 0, max: 99_999 }).map((x) => fromUnits(x, 4)));

interface Drawn {
  input: ProductInput;
  /** The stored rates the mid is resolved from, and the mid as the oracle takes it: P / Q. */
  rates: ReferenceRate[];
  p: string;
  q: string;
}

const rateText = (x: D) => x.toSignificantDigits(8).toFixed();

/** A product with a random fee schedule and rate, and a mid 0.8 … 1.5 × its rate, stored direct, inverse or through EUR. */
function productArb(send: readonly string[] = SEND): fc.Arbitrary<Drawn> {
  return fc
    .tuple(fc.constantFrom(...send), fc.constantFrom(...RECEIVE))
    .filter(([s, r]) => s !== r)
    .chain(([sendCurrency, receiveCurrency]) => {
      const sd = digitsOf(sendCurrency);
      const band = fc.record({ upToUnits: fc.integer({ min: 1, max: 5_000_000 }), fixed: feeAmount(sd, 200_000), percent });
      return fc.record({
        fixed: feeAmount(sd, 200_000),
        percent,
        min: fc.option(feeAmount(sd, 50_000), { nil: undefined }),
        maxAbove: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: undefined }),
        bands: fc.array(band, { maxLength: 4 }),
        feeMode: fc.constantFrom("on_top" as const, "deducted" as const),
        rate: fc.tuple(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 6 })).map(([m, k]) => fromUnits(m, k)),
        midFactor: fc.integer({ min: 800, max: 1500 }),
        derivation: fc.constantFrom("direct" as const, "inverse" as const, "cross_eur" as const),
        eurBase: fc.integer({ min: 1, max: 99_999_999 }).map((u) => fromUnits(u, 6)),
        receiverFeeUnits: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 100_000 })),
      }).map((d): Drawn => {
        const bands = [...new Map(d.bands.map((b) => [b.upToUnits, b])).values()]
          .sort((a, b) => a.upToUnits - b.upToUnits)
          .map((b) => ({ upTo: fromUnits(b.upToUnits, sd), fixed: b.fixed, percent: b.percent }));
        const max = d.maxAbove === undefined ? undefined : new D(d.min ?? 0).plus(fromUnits(d.maxAbove, sd)).toFixed();
        const input: ProductInput = {
          id: "p",
          sendCurrency,
          receiveCurrency,
          fee: { fixed: d.fixed, percent: d.percent, ...(d.min !== undefined ? { min: d.min } : {}), ...(max !== undefined ? { max } : {}), ...(bands.length ? { bands } : {}) },
          feeMode: d.feeMode,
          rate: d.rate,
          ...(d.receiverFeeUnits > 0 ? { receiverFee: { amount: fromUnits(d.receiverFeeUnits, digitsOf(receiveCurrency)), currency: receiveCurrency } } : {}),
          ...UNPRICED_FIELDS,
        };
        const near = new D(d.rate).times(d.midFactor).dividedBy(1000);
        const stored = (base: string, quote: string, rate: string): ReferenceRate => ({ base, quote, rate, asOf: "2026-11-20T00:00:00Z", source: "test" });
        if (d.derivation === "direct") {
          const m = rateText(near);
          return { input, rates: [stored(sendCurrency, receiveCurrency, m)], p: m, q: "1" };
        }
        if (d.derivation === "inverse") {
          const y = rateText(new D(1).dividedBy(near));
          return { input, rates: [stored(receiveCurrency, sendCurrency, y)], p: "1", q: y };
        }
        // EUR→send b, EUR→receive a: the mid is a / b.
        const b = d.eurBase;
        const a = rateText(near.times(b));
        return { input, rates: [stored("EUR", sendCurrency, b), stored("EUR", receiveCurrency, a)], p: a, q: b };
      });
    });
}

function resolved(d: Drawn) {
  const mid = resolveMid(d.input.sendCurrency, d.input.receiveCurrency, (base, quote) => d.rates.find((r) => r.base === base && r.quote === quote));
  expect(mid?.derivation).toBe(d.rates.length === 2 ? "cross_eur" : d.rates[0]!.base === d.input.sendCurrency ? "direct" : "inverse");
  return mid!;
}

const fixed = (x: D, digits: number) => (x.isZero() ? x.abs() : x).toFixed(digits);

/** DESIGN.md section 2, written plainly: what a quote shows for sending `send` at mid P / Q. */
function oracle(input: ProductInput, send: string, pText: string, qText: string): Shown {
  const sd = digitsOf(input.sendCurrency);
  const rd = digitsOf(input.receiveCurrency);
  const S = new D(send);
  const band = (input.fee.bands ?? []).find((b) => S.lessThanOrEqualTo(b.upTo)) ?? input.fee;
  let raw = new D(band.fixed ?? "0").plus(S.times(band.percent ?? "0").dividedBy(100));
  if (input.fee.min !== undefined && raw.lessThan(input.fee.min)) raw = new D(input.fee.min);
  if (input.fee.max !== undefined && raw.greaterThan(input.fee.max)) raw = new D(input.fee.max);
  const fee = raw.lessThanOrEqualTo(0) ? new D(0) : raw.toDecimalPlaces(sd, D.ROUND_CEIL);
  const onTop = input.feeMode === "on_top";
  const senderPays = onTop ? S.plus(fee) : S;
  const converted = onTop ? S : S.minus(fee);
  const R = new D(input.rate);
  const received = converted.times(R).minus(input.receiverFee?.amount ?? "0");
  const recipientGets = received.lessThanOrEqualTo(0) ? new D(0) : received.toDecimalPlaces(rd, D.ROUND_FLOOR);
  const P = new D(pText);
  const Q = new D(qText);
  // Total cost = senderPays − received / (P / Q) = (senderPays × P − received × Q) / P.
  const costTimesP = senderPays.times(P).minus(received.times(Q));
  const percent = costTimesP.times(100).dividedBy(P.times(S)).toDecimalPlaces(4, D.ROUND_HALF_EVEN);
  const margin = P.minus(R.times(Q)).times(100).dividedBy(P).toDecimalPlaces(4, D.ROUND_HALF_EVEN);
  return {
    sendAmount: S.toFixed(sd),
    fee: fee.toFixed(sd),
    senderPays: senderPays.toFixed(sd),
    recipientGets: recipientGets.toFixed(rd),
    totalCost: fixed(costTimesP.dividedBy(P).toDecimalPlaces(sd, D.ROUND_CEIL), sd),
    percent: fixed(percent, 4),
    sdg: percent.lessThan(3) ? "below_3" : percent.greaterThan(5) ? "above_5" : "3_to_5",
    fxMarginPercent: fixed(margin, 4),
  };
}

function engine(d: Drawn, send: string): Shown {
  const amount = scaledOf(send);
  const plan = planFor(pricedProduct(d.input), amount.scale);
  return shown(price(plan, amount.units * 10n ** BigInt(plan.sendScale - amount.scale), resolved(d).rate));
}

/** A send amount in whole minor units: 1 unit … 10^12 units, small ones often. */
const sendUnits = fc.oneof(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 1, max: 1_000_000_000_000 }));

describe("the pricing engine against an 80-digit oracle", () => {
  it("shows every figure the oracle shows, for random products, amounts, currencies and mids", () => {
    fc.assert(
      fc.property(productArb(), sendUnits, (d, units) => {
        const send = fromUnits(units, digitsOf(d.input.sendCurrency));
        const got = engine(d, send);
        // A fee above what is sent leaves nothing to price (the comparison says so instead).
        fc.pre(d.input.feeMode === "on_top" || new D(got.fee).lessThan(send));
        expect(got).toEqual(oracle(d.input, send, d.p, d.q));
      }),
      { numRuns: 400 },
    );
  });

  it("shows a derived mid to 10 significant digits of the exact ratio", () => {
    fc.assert(
      fc.property(productArb(), (d) => {
        const mid = resolved(d);
        const exact = new D(d.p).dividedBy(d.q);
        expect(mid.shown).toBe(mid.derivation === "direct" ? new D(d.p).toString() : exact.toSignificantDigits(10).toString());
      }),
    );
  });
});

describe("the SDG verdict and the shown percent", () => {
  // Sending 100000.00 USD at a mid equal to the rate: the percent is the fee's, fee / 1000.
  const at = (fee: string) =>
    engine({ input: { id: "p", sendCurrency: "USD", receiveCurrency: "MXN", fee: { fixed: fee, percent: "0" }, feeMode: "on_top", rate: "17.2", ...UNPRICED_FIELDS }, rates: [{ base: "USD", quote: "MXN", rate: "17.2", asOf: "2026-11-20T00:00:00Z", source: "t" }], p: "17.2", q: "1" }, "100000.00");

  it("never says below_3 beside a shown 3.0000", () => {
    expect(at("2999.94")).toMatchObject({ percent: "2.9999", sdg: "below_3" });
    expect(at("2999.95")).toMatchObject({ percent: "3.0000", sdg: "3_to_5" }); // half to even: up
    expect(at("2999.96")).toMatchObject({ percent: "3.0000", sdg: "3_to_5" }); // exactly 2.99996 %
    expect(at("3000.00")).toMatchObject({ percent: "3.0000", sdg: "3_to_5" });
  });

  it("says above_5 only when the shown percent is above 5.0000", () => {
    expect(at("5000.04")).toMatchObject({ percent: "5.0000", sdg: "3_to_5" });
    expect(at("5000.05")).toMatchObject({ percent: "5.0000", sdg: "3_to_5" }); // half to even: down
    expect(at("5000.06")).toMatchObject({ percent: "5.0001", sdg: "above_5" });
  });
});

describe("the reverse question: what the sender pays least", () => {
  const pricing = (d: Drawn, units: bigint) => price(planFor(pricedProduct(d.input), 0), units, resolved(d).rate);

  /**
   * Random band schedules with a fee that may drop above a threshold, and a target a little below
   * what sending the threshold delivers: where sending less in the dearer band can pay more.
   */
  const banded = productArb(["USD", "JPY", "KWD"]).chain((d) => {
    const sd = digitsOf(d.input.sendCurrency);
    return fc.record({ topFixed: fc.oneof(fc.constant("0"), feeAmount(sd, 3000)), dropAt: fc.integer({ min: 1, max: 5000 }), dropFee: feeAmount(sd, 3000), shortfall: fc.integer({ min: 0, max: 3000 }) }).map((x) => {
      const bands = [{ upTo: fromUnits(x.dropAt, sd), fixed: x.dropFee, percent: "0" }, ...(d.input.fee.bands ?? []).filter((b) => new D(b.upTo).greaterThan(fromUnits(x.dropAt, sd)))];
      const drawn: Drawn = { ...d, input: { ...d.input, fee: { ...d.input.fee, fixed: x.topFixed, bands } } };
      const atThreshold = pricing(drawn, BigInt(x.dropAt)).recipientGets;
      const targetUnits = atThreshold > BigInt(x.shortfall) ? atThreshold - BigInt(x.shortfall) : 1n;
      return { drawn, target: fromUnits(targetUnits, digitsOf(d.input.receiveCurrency)) };
    });
  });

  it("delivers at least the amount, and no send amount up to twice the answer pays less (or as much, sending less) and delivers", () => {
    fc.assert(
      fc.property(banded, ({ drawn, target }) => {
        const answer = cheapestSendUnits(pricedProduct(drawn.input), scaledOf(target));
        fc.pre(answer !== undefined && answer <= 5_000n);
        const best = pricing(drawn, answer!);
        // target has the receive currency's digits: compared in its minor units.
        const wanted = unitsAt(scaledOf(target), digitsOf(drawn.input.receiveCurrency));
        expect(best.recipientGets >= wanted).toBe(true);
        const plan = best.plan;
        for (let s = 1n; s <= 2n * answer!; s++) {
          // What price() works out, without the total cost that plays no part here.
          const paid = senderPaysOf(plan, s, feeUnits(plan, s));
          if (paid > best.senderPays || recipientGetsUnits(plan, s) < wanted) continue;
          expect(paid === best.senderPays && s >= answer!, `sending ${s} pays ${paid} (answer: ${best.senderPays}) and delivers`).toBe(true);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("answers the issue's example: free above 100 USD, so 1615 MXN costs 100.01, not 95 + 10", () => {
    const input: ProductInput = { id: "p", sendCurrency: "USD", receiveCurrency: "MXN", fee: { fixed: "0", percent: "0", bands: [{ upTo: "100", fixed: "10", percent: "0" }] }, feeMode: "on_top", rate: "17", ...UNPRICED_FIELDS };
    const units = cheapestSendUnits(pricedProduct(input), scaledOf("1615"));
    expect(units).toBe(10001n);
  });
});

describe("ranking by total cost", () => {
  it("never ranks a dearer quote above a cheaper one, whatever the currencies and the question", () => {
    const entries = fc.constantFrom(...SEND).chain((send) => fc.array(productArb([send]), { minLength: 2, maxLength: 8 }));
    fc.assert(
      fc.property(entries, fc.integer({ min: 1, max: 10_000_000 }), fc.constantFrom("send" as const, "receive" as const), (drawn, units, question) => {
        const items: (Rankable & { exact: D })[] = [];
        drawn.forEach((d, i) => {
          const plan = planFor(pricedProduct(d.input), 0);
          const mid = resolved(d).rate;
          let p = price(plan, BigInt(units), mid);
          if (question === "receive") {
            const s = cheapestSendUnits(pricedProduct(d.input), { units: p.recipientGets > 0n ? p.recipientGets : 1n, scale: plan.receiveDigits });
            if (s === undefined) return;
            p = price(plan, s, mid);
          }
          const cost = { num: p.cost * 10n ** BigInt(plan.sendScale), den: p.terms.costDenominator * p.send };
          const exact = new D(p.cost.toString()).dividedBy(p.terms.costDenominator.toString()).dividedBy(new D(p.send.toString()).dividedBy(10 ** plan.sendScale));
          items.push({ providerId: `p${i}`, productId: "x", providerType: "bank", payIn: "cash", payOut: "cash", speed: "same_day", homeValue: { num: 0n, den: 1n }, senderPays: { num: p.senderPays, den: 1n }, costPercent: cost, exact });
        });
        const ranked = rank(items, {}, "total_cost", question);
        for (let i = 1; i < ranked.length; i++) expect(ranked[i - 1]!.exact.lessThanOrEqualTo(ranked[i]!.exact)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});
