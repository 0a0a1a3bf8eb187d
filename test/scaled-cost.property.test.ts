/**
 * The comparison's scaled-integer engine gives, on the wire, exactly what the decimal engine
 * (cost.ts) gives: same strings, same verdict, for every shape of fee schedule, rates and amounts
 * of any number of digits the schema allows, and mids that are themselves rounded quotients.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, fxMarginFor, prepareProduct } from "../src/domain/cost.ts";
import { quotient, roundToPrecision } from "../src/domain/exact-division.ts";
import { Decimal, formatAmount, formatPercent, minorUnits, roundUp } from "../src/domain/money.ts";
import { smallestSendAmount, smallestSendUnits } from "../src/domain/reverse.ts";
import { ceilDiv, ceilText, formatUnits, halfEvenDiv, halfEvenText, pow10, scaledOf } from "../src/domain/scaled.ts";
import { costFigures, costPercentFigures, decimalCostFigures, midOf, planFor, price, scaledProduct, sendAmountText, wireFigures } from "../src/domain/scaled-cost.ts";
import type { ProductInput } from "../src/domain/schemas.ts";

const CURRENCIES = ["JPY", "USD", "KWD", "MXN", "INR"] as const;

/** A decimal string as the schema allows it: up to 18 integer digits and 18 decimals. */
const decimalText = (intDigits: number, decimals: number) =>
  fc.tuple(fc.bigInt({ min: 0n, max: 10n ** BigInt(intDigits) - 1n }), fc.integer({ min: 0, max: decimals }), fc.bigInt({ min: 0n, max: 10n ** 18n - 1n })).map(([int, k, frac]) =>
    k === 0 ? int.toString() : `${int}.${frac.toString().padStart(18, "0").slice(0, k)}`,
  );
/** Mostly money-shaped numbers, sometimes the longest the schema allows. */
const wide = (intDigits: number, decimals: number) => fc.oneof({ weight: 3, arbitrary: decimalText(Math.min(intDigits, 4), Math.min(decimals, 3)) }, { weight: 1, arbitrary: decimalText(intDigits, decimals) });
const percentText = fc.oneof(fc.integer({ min: 0, max: 9999 }).map((bp) => new Decimal(bp).dividedBy(100).toFixed()), decimalText(1, 18));
const positive = (intDigits: number, decimals: number) => wide(intDigits, decimals).filter((s) => !new Decimal(s).isZero());

/** What a product carries besides its prices: the same for every product here. */
const listing = { payIn: "cash", payOut: "cash", speed: "same_day", transparent: true, observedAt: "2026-11-20T10:00:00Z", sample: false } as const;

const productArb = fc
  .record({
    send: fc.constantFrom(...CURRENCIES),
    receive: fc.constantFrom(...CURRENCIES),
    fixed: wide(18, 18),
    percent: percentText,
    min: fc.option(wide(4, 4), { nil: undefined }),
    max: fc.option(wide(6, 4), { nil: undefined }),
    bandTops: fc.uniqueArray(fc.integer({ min: 1, max: 100_000 }), { maxLength: 3 }),
    bandFixed: wide(3, 4),
    bandPercent: percentText,
    feeMode: fc.constantFrom("on_top" as const, "deducted" as const),
    rate: positive(18, 18),
    receiverFee: fc.option(wide(3, 3), { nil: undefined }),
  })
  .filter((d) => d.send !== d.receive)
  .map((d): ProductInput => ({
    id: "p",
    sendCurrency: d.send,
    receiveCurrency: d.receive,
    fee: {
      fixed: d.fixed,
      percent: d.percent,
      ...(d.min !== undefined ? { min: d.min } : {}),
      ...(d.max !== undefined ? { max: d.max } : {}),
      ...(d.bandTops.length ? { bands: [...d.bandTops].sort((a, b) => a - b).map((t) => ({ upTo: String(t), fixed: d.bandFixed, percent: d.bandPercent })) } : {}),
    },
    feeMode: d.feeMode,
    rate: d.rate,
    ...(d.receiverFee !== undefined ? { receiverFee: { amount: d.receiverFee, currency: d.receive } } : {}),
    ...listing,
  }));

/**
 * Direct mids, and quotients of 40 digits such as an inverse (1 / 0.00197) or a cross rate gives:
 * with those, values land a hair off round figures, where every rounding step shows.
 */
const midArb = fc.oneof(
  positive(6, 8).map((s) => new Decimal(s)),
  positive(2, 5).map((s) => new Decimal(1).dividedBy(s)),
  fc.tuple(positive(4, 6), positive(4, 6)).map(([a, b]) => new Decimal(a).dividedBy(b)),
);

/** The product's own rate, or one near the mid with a few significant digits, as providers quote. */
const rateNear = fc.option(fc.tuple(fc.integer({ min: 500, max: 1100 }), fc.integer({ min: 1, max: 9 })), { nil: undefined });
const withRate = (input: ProductInput, mid: Decimal, near: [number, number] | undefined): ProductInput =>
  near === undefined ? input : { ...input, rate: mid.times(near[0]).dividedBy(1000).toSignificantDigits(near[1]).toFixed() };

/** A send amount with as many decimals as its currency has, sometimes two more. */
const amountArb = fc.tuple(fc.bigInt({ min: 1n, max: 10n ** 14n }), fc.integer({ min: 0, max: 2 }));

/** A product sending KWD (3 decimals) with a fixed fee. */
const kwdToInr = (fee: string, feeMode: "on_top" | "deducted", rate: string): ProductInput => ({
  id: "p",
  sendCurrency: "KWD",
  receiveCurrency: "INR",
  fee: { fixed: fee, percent: "0" },
  feeMode,
  rate,
  ...listing,
});

describe("the scaled engine against the decimal engine", () => {
  it("writes the same figures and verdict for any product, amount and mid", () => {
    fc.assert(
      fc.property(productArb, midArb, rateNear, amountArb, (drawn, mid, near, [units, extra]) => {
        const input = withRate(drawn, mid, near);
        const product = prepareProduct(input);
        const digits = minorUnits(input.sendCurrency)! + extra;
        const s = new Decimal(units.toString()).dividedBy(new Decimal(10).pow(digits));
        const e = evaluate(product, s, mid);
        const sp = scaledProduct(product);
        const amount = scaledOf(s);
        const plan = planFor(sp, amount.scale);
        const p = price(plan, amount.units * 10n ** BigInt(plan.sendScale - amount.scale), midOf(mid));
        const send = input.sendCurrency;
        expect(sendAmountText(p)).toBe(formatAmount(s, send));
        expect(wireFigures(p)).toEqual({
          fee: formatAmount(e.fee, send),
          senderPays: formatAmount(roundUp(e.senderPays, send), send),
          recipientGets: formatAmount(e.recipientGets, input.receiveCurrency),
          totalCost: formatAmount(roundUp(e.totalCost, send), send),
        });
        expect(costPercentFigures(p)).toEqual({ text: formatPercent(e.totalCostPercent), sdg: e.sdg });
        expect(p.terms.fxMarginPercent).toBe(formatPercent(fxMarginFor(product, mid)));
        expect(p.converted <= 0n).toBe(e.converted.lessThanOrEqualTo(0));
      }),
      { numRuns: 5000 },
    );
  });

  it("agrees where the exact cost is a hair from a minor unit, a half of the fourth decimal, 3 % or 5 %", () => {
    // A mid that is a rounded quotient (40 digits of 1/3, 2/3, 1/7) against a rate that is the
    // quotient's exact multiple: the exact cost is a round figure moved by some 10^−40, where the
    // decimal engine's roundings may land on the figure itself. Fees put the percent on 3, on 5 and
    // on halves with an even and an odd last kept digit; amounts give valued amounts with leading
    // digits 1 and 9, which round to 40 digits differently.
    const cases = fc.record({
      mid: fc.constantFrom<[string, string, string]>(["1", "3", "0.33"], ["2", "3", "0.66"], ["1", "7", "0.142"]),
      percent: fc.constantFrom("3", "5", "2.00015", "2.00025", "4.99995", "2.99995", "3.00005", "1.5"),
      amount: fc.constantFrom("100000", "150000", "10000", "1000"),
      feeMode: fc.constantFrom("on_top" as const, "deducted" as const),
    });
    fc.assert(
      fc.property(cases, ({ mid: [a, b, rate], percent, amount, feeMode }) => {
        const mid = new Decimal(a).dividedBy(b);
        const s = new Decimal(amount);
        // Exact cost: S + F − S·rate/(a/b) on top, S − (S − F)·rate/(a/b) deducted; the fee F puts it on the percent.
        const factor = new Decimal(rate).times(b).dividedBy(a);
        const base = new Decimal(1).minus(factor).times(100);
        const fee = new Decimal(percent).minus(base).times(s).dividedBy(100).dividedBy(feeMode === "on_top" ? 1 : factor);
        fc.pre(fee.greaterThanOrEqualTo(0) && fee.decimalPlaces() <= 3);
        const product = prepareProduct(kwdToInr(fee.toFixed(), feeMode, rate));
        const e = evaluate(product, s, mid);
        const p = price(planFor(scaledProduct(product), 0), scaledOf(s).units * 1000n, midOf(mid));
        expect(wireFigures(p).totalCost).toBe(formatAmount(roundUp(e.totalCost, "KWD"), "KWD"));
        expect(costPercentFigures(p)).toEqual({ text: formatPercent(e.totalCostPercent), sdg: e.sdg });
      }),
      { numRuns: 400 },
    );
  });

  it("leaves to the decimal engine a percent a hair from a half of its fourth decimal or from 3 %", () => {
    // Costs clear of every minor unit, whose percent is 2.00025 or 3 but for the ~10^−40 the
    // rounded mid moves it by; the 40-digit roundings land on the figure itself, and the wire
    // writes 2.0002 (half to even) and "3_to_5" where the exact values would give 2.0003 and "below_3".
    const plan = planFor(scaledProduct(prepareProduct(kwdToInr("0", "on_top", "0.666"))), 0);
    const crafted = [
      // S 15.000, senderPays 15.300, received 9.999975 at 2/3 (rounded up): cost 0.3000375 + a hair, 2.00025 % + a hair.
      { mid: new Decimal(2).dividedBy(3), send: 15_000n, senderPays: 15_300n, received: 9_999_975n, percent: "2.0002", sdg: "below_3" },
      // S 15.005, senderPays 15.501, received 5.016950 at 1/3 (rounded down): cost 0.45015 − a hair, 3 % − a hair.
      { mid: new Decimal(1).dividedBy(3), send: 15_005n, senderPays: 15_501n, received: 5_016_950n, percent: "3.0000", sdg: "3_to_5" },
    ];
    for (const c of crafted) {
      const priced = price(plan, c.send, midOf(c.mid));
      const p = { ...priced, senderPays: c.senderPays, received: c.received, decimal: undefined, figures: undefined };
      expect(decimalCostFigures({ ...p }), "the decimal engine's figures").toMatchObject({ percent: c.percent, sdg: c.sdg });
      expect(costFigures(p)).toEqual(decimalCostFigures({ ...p }));
    }
  });

  it("finds the same smallest send amount as a search on the decimal engine would", () => {
    fc.assert(
      fc.property(productArb, midArb, rateNear, fc.bigInt({ min: 1n, max: 10n ** 9n }), (drawn, mid, near, targetUnits) => {
        const input = withRate(drawn, mid, near);
        const product = prepareProduct(input);
        const target = new Decimal(targetUnits.toString()).dividedBy(new Decimal(10).pow(minorUnits(input.receiveCurrency)!));
        const units = smallestSendUnits(scaledProduct(product), scaledOf(target));
        const answer = smallestSendAmount(product, target, mid);
        expect(answer === undefined).toBe(units === undefined);
        if (answer === undefined || units === undefined) return;
        // It delivers, by the decimal engine, and one minor unit less does not (within its band).
        expect(answer.recipientGets.greaterThanOrEqualTo(target)).toBe(true);
        const unit = new Decimal(1).dividedBy(new Decimal(10).pow(minorUnits(input.sendCurrency)!));
        const less = answer.sendAmount.minus(unit);
        if (less.greaterThan(0)) expect(evaluate(product, less, mid).recipientGets.greaterThanOrEqualTo(target)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe("40-digit rounding on BigInt", () => {
  const digits = fc.bigInt({ min: -(10n ** 60n), max: 10n ** 60n });

  it("rounds sums and products as decimal.js does", () => {
    fc.assert(
      fc.property(digits, digits, fc.integer({ min: 0, max: 30 }), (a, b, scale) => {
        // The constructor keeps every digit; arithmetic rounds to 40.
        const at = (x: bigint, scale: number) => new Decimal(`${x}e-${scale}`);
        expect(at(roundToPrecision(a + b), scale).toString()).toBe(at(a, scale).plus(at(b, scale)).toString());
        expect(at(roundToPrecision(a * b), 2 * scale).toString()).toBe(at(a, scale).times(at(b, scale)).toString());
      }),
      { numRuns: 2000 },
    );
  });

  it("divides as decimal.js does, ties to even", () => {
    fc.assert(
      fc.property(digits, fc.bigInt({ min: 1n, max: 10n ** 50n }), (a, b) => {
        const q = quotient(a, b);
        const value = new Decimal(`${q.units}e${-q.scale}`);
        expect(value.toString()).toBe(new Decimal(a.toString()).dividedBy(b.toString()).toString());
      }),
      { numRuns: 2000 },
    );
  });
});

describe("rounding to the wire's decimals from the digits", () => {
  /** Values of up to 45 digits, and values just at, under and over a tie or a whole unit of the kept scale (3 % and 5 % among them). */
  const scaled = fc.oneof(
    fc.record({ units: fc.bigInt({ min: -(10n ** 45n), max: 10n ** 45n }), scale: fc.integer({ min: 0, max: 45 }) }),
    fc
      .tuple(fc.oneof(fc.bigInt({ min: -99_999n, max: 99_999n }), fc.constantFrom(0n, 29_999n, 30_000n, 49_999n, 50_000n)), fc.integer({ min: 1, max: 40 }), fc.constantFrom(0n, 1n, -1n), fc.boolean())
      .map(([kept, cut, nudge, half]) => ({ units: kept * pow10(cut) + (half ? 5n * pow10(cut - 1) : 0n) + nudge, scale: cut + 4 })),
  );

  it("rounds up to the minor unit as a division rounding up would", () => {
    fc.assert(
      fc.property(scaled, fc.integer({ min: 0, max: 4 }), (x, digits) => {
        const up = x.scale <= digits ? x.units * pow10(digits - x.scale) : ceilDiv(x.units, pow10(x.scale - digits));
        expect(ceilText(x, digits)).toBe(formatUnits(up, digits));
      }),
      { numRuns: 3000 },
    );
  });

  it("rounds half to even and places the value against 3 % and 5 % as a division would", () => {
    fc.assert(
      fc.property(
        scaled.filter((x) => x.scale > 4),
        (x) => {
          const divisor = pow10(x.scale - 4);
          const { text, within } = halfEvenText(x, 4, "30000", "50000");
          expect(text).toBe(formatUnits(halfEvenDiv(x.units, divisor), 4, x.units < 0n));
          expect(within).toBe(x.units < 30_000n * divisor ? -1 : x.units > 50_000n * divisor ? 1 : 0);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
