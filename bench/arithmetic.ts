/**
 * Quote evaluations per second: the project's exact engine (src/domain/pricing.ts, the one every
 * figure comes from) against a floating-point baseline, on the same products and amounts, each
 * producing the same formatted outputs (fee, sender pays, recipient gets, total cost and its %,
 * FX margin %, SDG verdict). The baseline is only a yardstick for speed: its figures are not used.
 */
import { planFor, price, pricedProduct, shown } from "../src/domain/pricing.ts";
import { scaledOf, unitsAt } from "../src/domain/rational.ts";
import type { ProductInput } from "../src/domain/schemas.ts";
import { productInput } from "../src/domain/schemas.ts";

interface FloatProduct {
  bands: { upTo: number | undefined; fixed: number; rate: number }[];
  min: number | undefined;
  max: number | undefined;
  onTop: boolean;
  rate: number;
  receiverFee: number;
  sendScale: number;
  sendDigits: number;
  receiveScale: number;
  receiveDigits: number;
}

function floatProduct(p: ProductInput, sendDigits: number, receiveDigits: number): FloatProduct {
  const fee = p.fee;
  const band = (upTo: string | undefined, fixed: string, percent: string) => ({ upTo: upTo === undefined ? undefined : Number(upTo), fixed: Number(fixed), rate: Number(percent) / 100 });
  return {
    bands: [...(fee.bands ?? []).map((b) => band(b.upTo, b.fixed, b.percent)), band(undefined, fee.fixed, fee.percent)],
    min: fee.min === undefined ? undefined : Number(fee.min),
    max: fee.max === undefined ? undefined : Number(fee.max),
    onTop: p.feeMode === "on_top",
    rate: Number(p.rate),
    receiverFee: p.receiverFee ? Number(p.receiverFee.amount) : 0,
    sendScale: 10 ** sendDigits,
    sendDigits,
    receiveScale: 10 ** receiveDigits,
    receiveDigits,
  };
}

/** The RPW formulas in floating point: the speed baseline, written once, here. */
function evaluateFloat(p: FloatProduct, s: number, mid: number): string {
  let band = p.bands[0]!;
  for (const b of p.bands) if (b.upTo === undefined || s <= b.upTo) { band = b; break; }
  let fee = band.fixed + s * band.rate;
  if (p.min !== undefined && fee < p.min) fee = p.min;
  if (p.max !== undefined && fee > p.max) fee = p.max;
  fee = fee < 0 ? 0 : Math.ceil(fee * p.sendScale) / p.sendScale;
  const senderPays = p.onTop ? s + fee : s;
  const converted = p.onTop ? s : s - fee;
  const recipientExact = converted * p.rate - p.receiverFee;
  const totalCost = senderPays - recipientExact / mid;
  const percent = (totalCost / s) * 100;
  const recipientGets = recipientExact < 0 ? 0 : Math.floor(recipientExact * p.receiveScale) / p.receiveScale;
  const margin = ((mid - p.rate) / mid) * 100;
  const sdg = percent < 3 ? "below_3" : percent > 5 ? "above_5" : "3_to_5";
  return (
    fee.toFixed(p.sendDigits) +
    (Math.ceil(senderPays * p.sendScale) / p.sendScale).toFixed(p.sendDigits) +
    recipientGets.toFixed(p.receiveDigits) +
    (Math.ceil(totalCost * p.sendScale) / p.sendScale).toFixed(p.sendDigits) +
    percent.toFixed(4) +
    margin.toFixed(4) +
    sdg
  );
}

export interface ArithmeticResult {
  /** The pricing engine: exact, on BigInt rationals. */
  decimalPerSecond: number;
  floatPerSecond: number;
  ratio: number;
  products: number;
  amounts: number;
}

/** Runs `fn` over every (product, amount) pair repeatedly for about `ms`, returns evaluations/s. */
function rate(ms: number, pairs: number, fn: () => number): number {
  let done = 0;
  let sink = 0;
  const start = performance.now();
  let elapsed = 0;
  while ((elapsed = performance.now() - start) < ms) {
    sink += fn();
    done += pairs;
  }
  if (sink === -1) console.log(sink);
  return (done / elapsed) * 1000;
}

export function benchArithmetic(products: ProductInput[], msPerRound = 500, rounds = 5): ArithmeticResult {
  const mid = { num: 187234n, den: 10000n };
  const midF = 18.7234;
  const inputs = products.map((p) => productInput.parse(p));
  const floats = inputs.map((p) => floatProduct(p, 2, 2));
  const amountStrings = Array.from({ length: 64 }, (_, i) => (20 + i * 37.31).toFixed(2));
  const amountsF = amountStrings.map(Number);
  const pairs = inputs.length * amountStrings.length;

  // The comparison's path: the amount scaled once per request, each product priced and written out.
  const priced = inputs.map(pricedProduct);
  const decimalRound = () => {
    let n = 0;
    for (const s of amountStrings) {
      const amount = scaledOf(s);
      for (const product of priced) {
        const plan = planFor(product, amount.scale);
        const f = shown(price(plan, unitsAt(amount, plan.sendScale), mid));
        const out = f.fee + f.senderPays + f.recipientGets + f.totalCost + f.percent + f.fxMarginPercent + f.sdg;
        n += out.length;
      }
    }
    return n;
  };
  const floatRound = () => {
    let n = 0;
    for (const s of amountsF) for (const p of floats) n += evaluateFloat(p, s, midF).length;
    return n;
  };

  // Alternate the two so that neither gets the quieter moment; the ratio is the median of the
  // rounds' ratios, the rates are the medians of the rounds.
  rate(200, pairs, decimalRound);
  rate(200, pairs, floatRound);
  const d: number[] = [];
  const f: number[] = [];
  for (let i = 0; i < rounds; i++) {
    d.push(rate(msPerRound, pairs, decimalRound));
    f.push(rate(msPerRound, pairs, floatRound));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
  const decimalPerSecond = median(d);
  const floatPerSecond = median(f);
  const ratio = median(d.map((x, i) => x / f[i]!));
  return { decimalPerSecond, floatPerSecond, ratio, products: inputs.length, amounts: amountStrings.length };
}
