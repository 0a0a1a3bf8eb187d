/**
 * The invariants of DESIGN.md section 2, checked with fast-check on currencies with 0 (JPY),
 * 2 (USD, MXN, INR) and 3 (KWD, BHD) minor digits. Fee schedules are drawn with bands whose fee
 * jumps at a boundary, min/max, both fee modes and receiver fees, and with more decimals than the
 * currency allows, so the rounding to the minor unit is exercised.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate, prepareProduct, type Evaluation, type PreparedProduct } from "../src/domain/cost.ts";
import { Decimal, HUNDRED, minorUnit, minorUnits } from "../src/domain/money.ts";
import { rank, type Rankable } from "../src/domain/ranking.ts";
import { smallestSendAmount } from "../src/domain/reverse.ts";
import { pow10 as bigPow10, scaledOf, type Fraction } from "../src/domain/scaled.ts";
import { speeds, type ProductInput } from "../src/domain/schemas.ts";

const SEND = ["JPY", "USD", "KWD", "BHD"] as const;
const RECEIVE = ["JPY", "USD", "MXN", "INR", "KWD", "BHD"] as const;

const pow10 = (n: number) => new Decimal(10).pow(n);
const fromUnits = (units: number | Decimal, digits: number) => new Decimal(units).dividedBy(pow10(digits));

/** A positive decimal with up to 9 significant digits and `maxScale` decimals. */
const positiveDecimal = (maxMantissa: number, maxScale: number) =>
  fc.tuple(fc.integer({ min: 1, max: maxMantissa }), fc.integer({ min: 0, max: maxScale })).map(([m, k]) => fromUnits(m, k));

/** A non-negative amount of `currency`, sometimes with one or two decimals more than it has. */
const feeAmount = (currency: string, maxUnits: number) =>
  fc.tuple(fc.integer({ min: 0, max: maxUnits }), fc.integer({ min: 0, max: 2 })).map(([u, extra]) => fromUnits(u, minorUnits(currency)! + extra).toFixed());

const percent = fc.integer({ min: 0, max: 9999 }).map((bp) => fromUnits(bp, 2).toFixed()); // 0 … 99.99

/** The fields of a product that play no part in its price. */
const UNRANKED_FIELDS = { payIn: "cash", payOut: "cash", speed: "same_day", transparent: true, observedAt: "2026-11-20T10:00:00Z", sample: false } as const;

interface Drawn {
  input: ProductInput;
  product: PreparedProduct;
  mid: Decimal;
}

interface ProductOptions {
  feeMode?: "on_top" | "deducted";
  receiverFee?: boolean;
  send?: readonly string[];
}

/** A product with a random fee schedule and rate, and a mid-market rate within −20 %…+50 % of it. */
function productArb(opts: ProductOptions = {}): fc.Arbitrary<Drawn> {
  return fc
    .tuple(fc.constantFrom(...(opts.send ?? SEND)), fc.constantFrom(...RECEIVE))
    .filter(([s, r]) => s !== r)
    .chain(([send, receive]) => {
      const sendDigits = minorUnits(send)!;
      const band = fc.record({ upToUnits: fc.integer({ min: 1, max: 5_000_000 }), fixed: feeAmount(send, 200_000), percent });
      return fc.record({
        send: fc.constant(send),
        receive: fc.constant(receive),
        fixed: feeAmount(send, 200_000),
        percent,
        min: fc.option(feeAmount(send, 50_000), { nil: undefined }),
        maxAbove: fc.option(fc.integer({ min: 0, max: 500_000 }), { nil: undefined }),
        bands: fc.array(band, { maxLength: 4 }),
        feeMode: opts.feeMode ? fc.constant(opts.feeMode) : fc.constantFrom("on_top" as const, "deducted" as const),
        rate: positiveDecimal(10_000_000, 6),
        midFactor: fc.integer({ min: 800, max: 1500 }),
        receiverFeeUnits: opts.receiverFee === false ? fc.constant(0) : fc.integer({ min: 0, max: 100_000 }),
      }).map((d) => {
        // Bands ascending by upTo, without duplicates, as the schema demands.
        const bands = [...new Map(d.bands.map((b) => [b.upToUnits, b])).values()]
          .sort((a, b) => a.upToUnits - b.upToUnits)
          .map((b) => ({ upTo: fromUnits(b.upToUnits, sendDigits).toFixed(), fixed: b.fixed, percent: b.percent }));
        const max = d.maxAbove === undefined ? undefined : new Decimal(d.min ?? 0).plus(fromUnits(d.maxAbove, sendDigits)).toFixed();
        const input: ProductInput = {
          id: "p",
          sendCurrency: d.send,
          receiveCurrency: d.receive,
          fee: { fixed: d.fixed, percent: d.percent, ...(d.min !== undefined ? { min: d.min } : {}), ...(max !== undefined ? { max } : {}), ...(bands.length ? { bands } : {}) },
          feeMode: d.feeMode,
          rate: d.rate.toFixed(),
          ...(d.receiverFeeUnits > 0 ? { receiverFee: { amount: fromUnits(d.receiverFeeUnits, minorUnits(d.receive)!).toFixed(), currency: d.receive } } : {}),
          ...UNRANKED_FIELDS,
        };
        return { input, product: prepareProduct(input), mid: d.rate.times(d.midFactor).dividedBy(1000) };
      });
    });
}

/** A send amount in whole minor units of the product's send currency, 1 unit … 10^9 units. */
const sendUnits = fc.integer({ min: 1, max: 1_000_000_000 });
const sendAmount = (p: PreparedProduct, units: number) => fromUnits(units, minorUnits(p.sendCurrency)!);

/** The fee schedule read independently of fees.ts: band, fixed + S × percent / 100, min/max. */
function rawFee(input: ProductInput, s: Decimal): Decimal {
  const band = (input.fee.bands ?? []).find((b) => s.lessThanOrEqualTo(b.upTo)) ?? input.fee;
  let fee = new Decimal(band.fixed ?? "0").plus(s.times(band.percent ?? "0").dividedBy(HUNDRED));
  if (input.fee.min !== undefined) fee = Decimal.max(fee, input.fee.min);
  if (input.fee.max !== undefined) fee = Decimal.min(fee, input.fee.max);
  return fee;
}

/** The band an amount falls in: its index, bands first, then the top-level schedule. */
const bandOf = (input: ProductInput, s: Decimal) => {
  const i = (input.fee.bands ?? []).findIndex((b) => s.lessThanOrEqualTo(b.upTo));
  return i === -1 ? (input.fee.bands ?? []).length : i;
};

// 40-digit arithmetic: two ways of writing the same exact quantity agree to far below any digit
// that is ever shown (percentages go out with 4 decimals, money with at most 3).
const NEGLIGIBLE = new Decimal("1e-28");
const same = (a: Decimal, b: Decimal, scale: Decimal = new Decimal(1)) => a.minus(b).abs().lessThanOrEqualTo(NEGLIGIBLE.times(Decimal.max(1, scale.abs())));

const RUNS = { numRuns: 300 };

describe("total cost, as RPW defines it", () => {
  it("is fee % + FX margin % for on_top quotes without a receiver fee", () => {
    fc.assert(
      fc.property(productArb({ feeMode: "on_top", receiverFee: false }), sendUnits, ({ product, mid }, units) => {
        const s = sendAmount(product, units);
        const e = evaluate(product, s, mid);
        const feePercent = e.fee.dividedBy(s).times(HUNDRED);
        const marginPercent = mid.minus(product.rate).dividedBy(mid).times(HUNDRED);
        expect(e.fxMarginPercent.equals(marginPercent)).toBe(true);
        expect(same(e.totalCostPercent, feePercent.plus(marginPercent), e.totalCostPercent), `${e.totalCostPercent} vs ${feePercent.plus(marginPercent)}`).toBe(true);
        // And on the wire, with 4 decimals, the two are the same string.
        expect(e.totalCostPercent.toFixed(4)).toBe(feePercent.plus(e.fxMarginPercent).toFixed(4));
      }),
      RUNS,
    );
  });

  it("is what the sender pays minus what the recipient gets valued at mid, for every fee mode and receiver fee", () => {
    fc.assert(
      fc.property(productArb(), sendUnits, ({ input, product, mid }, units) => {
        const s = sendAmount(product, units);
        const e = evaluate(product, s, mid);
        const f = e.fee;
        const r = product.rate;
        const rf = new Decimal(input.receiverFee?.amount ?? "0");
        // From the unrounded values, as evaluate defines it.
        expect(e.totalCost.equals(e.senderPays.minus(e.recipientGetsExact.dividedBy(mid)))).toBe(true);
        // The same quantity from the inputs alone, in closed form.
        const converted = input.feeMode === "on_top" ? s : s.minus(f);
        const closedForm = f.plus(converted.times(mid.minus(r)).dividedBy(mid)).plus(rf.dividedBy(mid));
        expect(same(e.totalCost, closedForm, s), `${e.totalCost} vs ${closedForm}`).toBe(true);
        expect(e.senderPays.equals(input.feeMode === "on_top" ? s.plus(f) : s)).toBe(true);
        expect(e.recipientGetsExact.equals(converted.times(r).minus(rf))).toBe(true);
        expect(same(e.totalCostPercent, e.totalCost.dividedBy(s).times(HUNDRED), e.totalCostPercent)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe("rounding to the currency's minor unit", () => {
  it("rounds the fee up and what the recipient gets down, never by a whole unit", () => {
    fc.assert(
      fc.property(productArb(), sendUnits, ({ input, product, mid }, units) => {
        const s = sendAmount(product, units);
        const e = evaluate(product, s, mid);
        const sendUnit = minorUnit(product.sendCurrency);
        const receiveUnit = minorUnit(product.receiveCurrency);

        const raw = rawFee(input, s);
        expect(e.fee.decimalPlaces()).toBeLessThanOrEqual(minorUnits(product.sendCurrency)!);
        expect(e.fee.greaterThanOrEqualTo(raw), `fee ${e.fee} below ${raw}`).toBe(true);
        expect(e.fee.minus(raw).lessThan(sendUnit)).toBe(true);
        // S is in minor units and the fee is rounded up: what the sender pays needs no rounding.
        expect(e.senderPays.decimalPlaces()).toBeLessThanOrEqual(minorUnits(product.sendCurrency)!);

        expect(e.recipientGets.decimalPlaces()).toBeLessThanOrEqual(minorUnits(product.receiveCurrency)!);
        if (e.recipientGetsExact.isNegative()) {
          expect(e.recipientGets.isZero()).toBe(true);
        } else {
          expect(e.recipientGets.lessThanOrEqualTo(e.recipientGetsExact)).toBe(true);
          expect(e.recipientGetsExact.minus(e.recipientGets).lessThan(receiveUnit)).toBe(true);
        }
      }),
      RUNS,
    );
  });
});

describe("the reverse question: the smallest send amount that delivers", () => {
  /** A product, and a target some send amount S0 reaches: the answer exists and is at most S0. */
  const reachable = (maxUnits: number, opts: ProductOptions = {}) =>
    fc
      .tuple(productArb(opts), fc.integer({ min: 1, max: maxUnits }), fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 1_000_000 })))
      .map(([drawn, s0Units, shortfall]) => {
        const s0 = sendAmount(drawn.product, s0Units);
        const reached = evaluate(drawn.product, s0, drawn.mid).recipientGets;
        const receiveUnit = minorUnit(drawn.product.receiveCurrency);
        const target = Decimal.max(receiveUnit, reached.minus(receiveUnit.times(shortfall)));
        return { ...drawn, s0, reached, target };
      })
      .filter(({ reached, target }) => reached.greaterThanOrEqualTo(target));

  const delivers = (d: Drawn, s: Decimal, target: Decimal) => evaluate(d.product, s, d.mid).recipientGets.greaterThanOrEqualTo(target);

  it("is sufficient, in whole minor units, and one minor unit less does not deliver", () => {
    fc.assert(
      fc.property(reachable(1_000_000_000), (d) => {
        const answer = smallestSendAmount(d.product, d.target, d.mid);
        expect(answer, `target ${d.target} reached by ${d.s0}`).toBeDefined();
        const s = answer!.sendAmount;
        const unit = minorUnit(d.product.sendCurrency);
        expect(s.decimalPlaces()).toBeLessThanOrEqual(minorUnits(d.product.sendCurrency)!);
        expect(s.greaterThanOrEqualTo(unit)).toBe(true);
        expect(s.lessThanOrEqualTo(d.s0)).toBe(true);
        expect(answer!.recipientGets.greaterThanOrEqualTo(d.target)).toBe(true);
        expect(answer).toEqual(evaluate(d.product, s, d.mid));
        if (s.greaterThan(unit)) expect(delivers(d, s.minus(unit), d.target), `${s.minus(unit)} already delivers ${d.target}`).toBe(false);
        // Within a band more sent never delivers less (checked below), so the best amount of each
        // band is its top: no band ending below the answer may deliver.
        for (const band of d.input.fee.bands ?? []) {
          const top = new Decimal(band.upTo).toDecimalPlaces(minorUnits(d.product.sendCurrency)!, Decimal.ROUND_FLOOR);
          if (top.greaterThanOrEqualTo(unit) && top.lessThan(s)) expect(delivers(d, top, d.target), `band top ${top} delivers ${d.target} below ${s}`).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it("is minimal: no smaller amount at all delivers (exhaustive, on small amounts)", () => {
    fc.assert(
      fc.property(reachable(1500), (d) => {
        const answer = smallestSendAmount(d.product, d.target, d.mid);
        expect(answer).toBeDefined();
        const digits = minorUnits(d.product.sendCurrency)!;
        const answerUnits = answer!.sendAmount.times(pow10(digits)).toNumber();
        for (let u = 1; u < answerUnits; u++) expect(delivers(d, fromUnits(u, digits), d.target), `${fromUnits(u, digits)} delivers`).toBe(false);
      }),
      { numRuns: 60 },
    );
  });

  it("within one fee band, sending one minor unit more never delivers less", () => {
    fc.assert(
      fc.property(productArb(), sendUnits, ({ input, product, mid }, units) => {
        const s = sendAmount(product, units);
        const next = s.plus(minorUnit(product.sendCurrency));
        fc.pre(bandOf(input, s) === bandOf(input, next));
        expect(evaluate(product, next, mid).recipientGets.greaterThanOrEqualTo(evaluate(product, s, mid).recipientGets)).toBe(true);
      }),
      RUNS,
    );
  });

  it("finds the cheaper band when a dearer one starts where it ends (a fee jump)", () => {
    // USD: up to 100.00 the fee is 1.00; above, 10.00. At mid = rate = 1 (no margin), 100.00 sent
    // delivers 100.00 for 101.00 paid; 100.01 would cost 110.01. Deducted: 100.00 − 1.00 = 99.00
    // arrives, and to get 99.01 one must go above the band: S − 10.00 ≥ 99.01, so 109.01.
    const base: ProductInput = {
      id: "jump",
      sendCurrency: "USD",
      receiveCurrency: "MXN",
      fee: { fixed: "10", percent: "0", bands: [{ upTo: "100", fixed: "1", percent: "0" }] },
      feeMode: "deducted",
      rate: "1",
      ...UNRANKED_FIELDS,
    };
    const one = new Decimal(1);
    expect(smallestSendAmount(prepareProduct(base), new Decimal("99.00"), one)!.sendAmount.toFixed(2)).toBe("100.00");
    expect(smallestSendAmount(prepareProduct(base), new Decimal("99.01"), one)!.sendAmount.toFixed(2)).toBe("109.01");
    expect(smallestSendAmount(prepareProduct(base), new Decimal("50"), one)!.sendAmount.toFixed(2)).toBe("51.00");
  });
});

/** The ranking's exact keys, from a decimal evaluation. */
function rankedBy(e: Evaluation, mid: Decimal): Pick<Rankable, "homeValue" | "senderPays" | "costPercent"> {
  const fraction = (x: Decimal): Fraction => {
    const s = scaledOf(x);
    return { num: s.units, den: bigPow10(s.scale) };
  };
  const home = fraction(e.recipientGets);
  const m = fraction(mid);
  return { homeValue: { num: home.num * m.den, den: home.den * m.num }, senderPays: fraction(e.senderPays), costPercent: fraction(e.totalCostPercent) };
}

describe("ranking by total cost", () => {
  it("never ranks a cheaper quote below a dearer one, whatever the currencies and the question", () => {
    // One comparison has one send currency; its quotes may pay out in several.
    const entries = fc.constantFrom(...SEND).chain((send) =>
      fc.array(fc.record({ drawn: productArb({ send: [send] }), speed: fc.constantFrom(...speeds), type: fc.constantFrom("bank" as const, "mto" as const) }), { minLength: 2, maxLength: 8 }),
    );
    fc.assert(
      fc.property(entries, sendUnits, fc.constantFrom("send" as const, "receive" as const), (entries, units, question) => {
        const items: (Rankable & { evaluation: Evaluation })[] = [];
        entries.forEach(({ drawn, speed, type }, i) => {
          const s = sendAmount(drawn.product, units);
          let evaluation: Evaluation | undefined = evaluate(drawn.product, s, drawn.mid);
          if (question === "receive") evaluation = smallestSendAmount(drawn.product, Decimal.max(minorUnit(drawn.product.receiveCurrency), evaluation.recipientGets), drawn.mid);
          if (!evaluation) return;
          items.push({ providerId: `p${i}`, productId: "x", providerType: type, payIn: "cash", payOut: "cash", speed, evaluation, ...rankedBy(evaluation, drawn.mid) });
        });
        const ranked = rank(items, {}, "total_cost", question);
        expect(ranked).toHaveLength(items.length);
        for (let i = 1; i < ranked.length; i++) {
          const a = ranked[i - 1]!.evaluation.totalCostPercent;
          const b = ranked[i]!.evaluation.totalCostPercent;
          expect(a.lessThanOrEqualTo(b), `${a} ranked above ${b}`).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});
