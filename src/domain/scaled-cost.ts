/**
 * @module
 * The comparison's engine: the formulas of cost.ts, giving the same digits on the wire, worked on
 * scaled integers (scaled.ts). What does not depend on the send amount is worked out once per
 * product and scale of the amount (a "plan"), what depends on the mid once per plan and mid; per
 * amount there remain a few BigInt additions and products, and the divisions the wire needs are
 * done once each, on exact values, with the wire's rounding (the decimal engine rounds to 40
 * digits along the way; both agree wherever those 40 digits decide nothing).
 */
import { fxMarginFor, type PreparedProduct } from "./cost.ts";
import { digitMemo, quotient, roundToPrecision } from "./exact-division.ts";
import { digitsOf, formatPercent, type Decimal } from "./money.ts";
import { ceilDiv, ceilText, floorDiv, formatUnits, halfEvenDiv, halfEvenText, pow10, scaledOf, unitsAt, type Fraction, type Scaled } from "./scaled.ts";
import type { SdgVerdict } from "./sdg.ts";

/** A fee band at the plan's fee scale: fee = fixed + S(units) × perUnit, for S(units) ≤ limit. */
interface ScaledBand {
  limit: bigint | undefined;
  fixed: bigint;
  perUnit: bigint;
}

/** What a plan needs of one mid beyond the mid itself. */
interface MidTerms {
  mid: Scaled;
  /** 10^dM, dM the mid's scale. */
  receivedFactor: bigint;
  /** m × 10^receiveDigits: what the recipient gets, valued at mid, is recipientGets × receivedFactor / this. */
  homeDenominator: bigint;
  fxMarginPercent: string;
  exact: ExactTerms;
}

/**
 * The total cost as an exact fraction of integers, in minor units of the send currency:
 * cost × 10^d = (senderPays × paysFactor − received × receivedFactor) / denominator, where d is
 * the send currency's digits, m the mid's units; denominator = m × 10^a, a large enough for all
 * three to be integers.
 */
interface ExactTerms {
  denominator: bigint;
  paysFactor: bigint;
  receivedFactor: bigint;
  /** 10^(6 − d + sendScale): cost × 10^d as above, times this and divided by S(units), is the percent × 10^4. */
  percentFactor: bigint;
  /** 10^(sendScale − d): the error bound's scale in the percent's units. */
  boundFactor: bigint;
}

/** A product made ready to price amounts of one scale (S in units of 10^−sendScale). */
export interface QuotePlan {
  /** The product as cost.ts prepared it: the FX margin is worked out there, once per mid. */
  product: PreparedProduct;
  sendScale: number;
  sendDigits: number;
  receiveDigits: number;
  onTop: boolean;
  bands: ScaledBand[];
  min: bigint | undefined;
  max: bigint | undefined;
  /** 10^(fee scale − send digits): the fee, rounded up to the minor unit, is ⌈fee / this⌉. */
  feeDivisor: bigint;
  /** 10^(sendScale − send digits). */
  feeToSendScale: bigint;
  /** The rate at the received scale E: received = converted × this, at scale E. */
  convertedToReceived: bigint;
  receivedScale: number;
  receiverFee: bigint;
  /** 10^(E − receive digits). */
  recipientDivisor: bigint;
  rate: Scaled;
  terms: MidTerms | undefined;
}

/** A product with its plans, one per scale of send amount seen (in practice, one). */
export interface ScaledProduct {
  product: PreparedProduct;
  plans: Map<number, QuotePlan>;
}

export function scaledProduct(product: PreparedProduct): ScaledProduct {
  return { product, plans: new Map() };
}

/** The plan for amounts with `scale` decimals; `scale` is at least the send currency's minor digits. */
export function planFor(sp: ScaledProduct, scale: number): QuotePlan {
  const hit = sp.plans.get(scale);
  if (hit) return hit;
  const p = sp.product;
  const sendDigits = digitsOf(p.sendCurrency);
  const receiveDigits = digitsOf(p.receiveCurrency);
  const sendScale = Math.max(scale, sendDigits);
  const fee = p.fee;
  const bands = fee.bands.map((b) => ({ upTo: b.upTo === undefined ? undefined : scaledOf(b.upTo), fixed: scaledOf(b.fixed), rate: scaledOf(b.rate) }));
  const min = fee.min === undefined ? undefined : scaledOf(fee.min);
  const max = fee.max === undefined ? undefined : scaledOf(fee.max);
  // One scale F holds every fee term exactly: S × rate has sendScale + rate.scale decimals.
  const feeScale = Math.max(sendDigits, ...bands.map((b) => Math.max(b.fixed.scale, sendScale + b.rate.scale)), min?.scale ?? 0, max?.scale ?? 0);
  const rate = scaledOf(p.rate);
  const receiverFee = scaledOf(p.receiverFee);
  const receivedScale = Math.max(sendScale + rate.scale, receiverFee.scale, receiveDigits);
  const plan: QuotePlan = {
    product: p,
    sendScale,
    sendDigits,
    receiveDigits,
    onTop: p.feeMode === "on_top",
    bands: bands.map((b) => ({
      // S ≤ upTo, for S a whole number of 10^−sendScale, is S(units) ≤ ⌊upTo × 10^sendScale⌋.
      limit: b.upTo === undefined ? undefined : b.upTo.scale <= sendScale ? unitsAt(b.upTo, sendScale) : floorDiv(b.upTo.units, pow10(b.upTo.scale - sendScale)),
      fixed: unitsAt(b.fixed, feeScale),
      perUnit: b.rate.units * pow10(feeScale - sendScale - b.rate.scale),
    })),
    min: min && unitsAt(min, feeScale),
    max: max && unitsAt(max, feeScale),
    feeDivisor: pow10(feeScale - sendDigits),
    feeToSendScale: pow10(sendScale - sendDigits),
    convertedToReceived: rate.units * pow10(receivedScale - sendScale - rate.scale),
    receivedScale,
    receiverFee: unitsAt(receiverFee, receivedScale),
    recipientDivisor: pow10(receivedScale - receiveDigits),
    rate,
    terms: undefined,
  };
  sp.plans.set(scale, plan);
  return plan;
}

/** A mid-market rate, as a Decimal and scaled. */
export interface Mid extends Scaled {
  rate: Decimal;
}

export function midOf(rate: Decimal): Mid {
  return { rate, ...scaledOf(rate) };
}

function termsFor(plan: QuotePlan, mid: Mid): MidTerms {
  const t = plan.terms;
  if (t !== undefined && t.mid.units === mid.units && t.mid.scale === mid.scale) return t;
  const terms: MidTerms = {
    mid,
    receivedFactor: pow10(mid.scale),
    homeDenominator: mid.units * pow10(plan.receiveDigits),
    // Once per product and mid: the decimal engine itself.
    fxMarginPercent: formatPercent(fxMarginFor(plan.product, mid.rate)),
    exact: exactTerms(plan, mid),
  };
  plan.terms = terms;
  return terms;
}

function exactTerms(plan: QuotePlan, mid: Scaled): ExactTerms {
  const d = plan.sendDigits;
  const a = Math.max(0, plan.sendScale - d, plan.receivedScale - mid.scale - d);
  return {
    denominator: mid.units * pow10(a),
    paysFactor: mid.units * pow10(a + d - plan.sendScale),
    receivedFactor: pow10(mid.scale - plan.receivedScale + d + a),
    percentFactor: pow10(6 - d + plan.sendScale),
    boundFactor: pow10(plan.sendScale - d),
  };
}

/** The sender's fee in minor units for S(units); sums and products rounded as decimal.js rounds them. */
function feeUnits(plan: QuotePlan, s: bigint): bigint {
  const bands = plan.bands;
  let band = bands[bands.length - 1]!;
  for (const b of bands) {
    if (b.limit === undefined || s <= b.limit) {
      band = b;
      break;
    }
  }
  let value = band.perUnit === 0n ? band.fixed : roundToPrecision(band.fixed + roundToPrecision(s * band.perUnit));
  if (plan.min !== undefined && value < plan.min) value = plan.min;
  if (plan.max !== undefined && value > plan.max) value = plan.max;
  return value <= 0n ? 0n : ceilDiv(value, plan.feeDivisor);
}

/** converted × rate − receiver fee at the received scale, each step rounded as decimal.js rounds it. */
function receivedOf(plan: QuotePlan, converted: bigint): bigint {
  return roundToPrecision(roundToPrecision(converted * plan.convertedToReceived) - plan.receiverFee);
}

/** What is received, rounded down to the receive currency's minor unit, never below zero. */
function recipientGetsOf(plan: QuotePlan, received: bigint): bigint {
  return received <= 0n ? 0n : received / plan.recipientDivisor;
}

/** One product priced for one amount, at the plan's scales. */
export interface Pricing {
  plan: QuotePlan;
  terms: MidTerms;
  /** S, at plan.sendScale. */
  send: bigint;
  /** In minor units of the send currency. */
  fee: bigint;
  /** At plan.sendScale. */
  senderPays: bigint;
  /** What is converted, at plan.sendScale. */
  converted: bigint;
  /** converted × rate − receiver fee, at plan.receivedScale. */
  received: bigint;
  /** In minor units of the receive currency, never below zero. */
  recipientGets: bigint;
  /** The total cost and its percent as the decimal engine has them, once asked for (decimalCost). */
  decimal: DecimalCost | undefined;
  /** The total cost and its percent as the wire writes them, once asked for (costFigures). */
  figures: CostFigures | undefined;
}

/** The total cost and its percent with the decimal engine's 40-digit roundings. */
export interface DecimalCost {
  /** Sender pays − what the recipient gets valued at mid, in the send currency (40 digits). */
  totalCost: Scaled;
  /** totalCost / S × 100 (40 digits). */
  totalCostPercent: Scaled;
  /** totalCostPercent as the ranking compares it. */
  percentFraction: Fraction;
}

/** What the wire shows of the total cost. */
export interface CostFigures {
  /** Rounded up to the send currency's minor unit. */
  totalCost: string;
  /** To 4 decimals, half to even. */
  percent: string;
  /** sdg.ts's verdict on the unrounded percent. */
  sdg: SdgVerdict;
}

const valuedDigits = digitMemo();
const ratioDigits = digitMemo();

/**
 * Prices `send` (S(units) at `plan.sendScale`) against `mid`. Every step the decimal engine
 * rounds to 40 significant digits is rounded here the same way (a no-op but for extreme inputs):
 * with a mid that is itself a rounded quotient (1 / 0.00197), exact arithmetic would land a hair
 * off the round figure decimal.js gives, and the wire would differ. The total cost, whose value
 * divides by the mid, is left to costFigures and decimalCost.
 */
export function price(plan: QuotePlan, send: bigint, mid: Mid): Pricing {
  if (send <= 0n) throw new RangeError("the send amount must be positive");
  const terms = termsFor(plan, mid);
  const fee = feeUnits(plan, send);
  const feeAtSend = fee * plan.feeToSendScale;
  const senderPays = plan.onTop && fee !== 0n ? roundToPrecision(send + feeAtSend) : send;
  const converted = plan.onTop || fee === 0n ? send : roundToPrecision(send - feeAtSend);
  const received = receivedOf(plan, converted);
  const recipientGets = recipientGetsOf(plan, received);
  return { plan, terms, send, fee, senderPays, converted, received, recipientGets, decimal: undefined, figures: undefined };
}

/** The total cost and its percent, each division rounded to 40 digits as decimal.js rounds it. */
export function decimalCost(p: Pricing): DecimalCost {
  if (p.decimal !== undefined) return p.decimal;
  const { plan, received, senderPays } = p;
  const mid = p.terms.mid;
  // received / mid = (received / m) × 10^(dM − E): the quotient of the integers, its scale moved.
  const q = quotient(received, mid.units, valuedDigits);
  const valued = { units: q.units, scale: q.scale + plan.receivedScale - mid.scale };
  const costScale = Math.max(plan.sendScale, valued.scale);
  const costUnits = roundToPrecision(senderPays * pow10(costScale - plan.sendScale) - valued.units * pow10(costScale - valued.scale));
  // totalCost / S × 100 = (costUnits / S(units)) × 10^(sendScale − costScale + 2).
  const ratio = quotient(costUnits, p.send, ratioDigits);
  const scale = ratio.scale + costScale - plan.sendScale - 2;
  return (p.decimal = {
    totalCost: { units: costUnits, scale: costScale },
    totalCostPercent: { units: ratio.units, scale },
    percentFraction: scale >= 0 ? { num: ratio.units, den: pow10(scale) } : { num: ratio.units * pow10(-scale), den: 1n },
  });
}

/** The total cost %, as the ranking compares it. */
export function costPercentFraction(p: Pricing): Fraction {
  return decimalCost(p).percentFraction;
}

/** What the recipient gets valued at mid, in send-currency units. */
export function homeValueFraction(p: Pricing): Fraction {
  return { num: p.recipientGets * p.terms.receivedFactor, den: p.terms.homeDenominator };
}

/** The total cost as the wire writes it, its percent and the verdict on it. */
export function costFigures(p: Pricing): CostFigures {
  return (p.figures ??= exactCostFigures(p) ?? decimalCostFigures(p));
}

/**
 * The wire's figures from the decimal engine's 40-digit values: the percent to 4 decimals (half
 * to even) and sdg.ts's verdict on it ("below 3", "above 5": 3 and 5 themselves fall between),
 * from its digits.
 */
export function decimalCostFigures(p: Pricing): CostFigures {
  const { totalCost, totalCostPercent } = decimalCost(p);
  const totalCostText = ceilText(totalCost, p.plan.sendDigits);
  const { units, scale } = totalCostPercent;
  if (scale > 4) {
    const { text, within } = halfEvenText(totalCostPercent, 4, "30000", "50000");
    return { totalCost: totalCostText, percent: text, sdg: within < 0 ? "below_3" : within > 0 ? "above_5" : "3_to_5" };
  }
  // Four decimals or fewer: exact as it is.
  const q = units * pow10(4 - scale);
  return { totalCost: totalCostText, percent: formatUnits(q, 4), sdg: q < 30_000n ? "below_3" : q > 50_000n ? "above_5" : "3_to_5" };
}

/** 10^32: how far below a figure's unit the decimal engine's roundings may move a value (see below). */
const MARGIN = pow10(32);

/**
 * The same figures from the exact values, for a positive cost whose exact value is clear of every
 * point where the wire's rounding or the verdict changes (a minor unit, a half unit of the
 * percent's fourth decimal, 3 and 5); undefined otherwise, for decimalCostFigures to decide.
 *
 * Why the exact value then gives the decimal engine's figures: it rounds the valued amount v and
 * then the cost c = senderPays − v to 40 significant digits, and the percent once more, so its
 * cost is within 10^−39 × (senderPays + |v|) of the exact one and its percent within
 * 2 × 10^−39 × (senderPays + |v|) × 100 / S. A value that far from every such point rounds, and
 * compares, the same either way. Both checks below ask for a distance of more than bound / 10^32
 * (bound ≥ that sum, in the figure's units), where the cost needs bound / 10^39 and the percent
 * 4 × bound / 10^33.
 */
function exactCostFigures(p: Pricing): CostFigures | undefined {
  const t = p.terms.exact;
  const pays = p.senderPays * t.paysFactor;
  const valued = p.received * t.receivedFactor;
  const cost = pays - valued;
  if (cost <= 0n) return undefined;
  // The engines' difference, in units of 1 / denominator of a minor unit, is below bound / 10^39.
  const bound = pays + 2n * (valued < 0n ? -valued : valued);
  const y = t.denominator;
  const whole = cost / y;
  const rest = cost - whole * y;
  // On a point itself the distance is 0: left to the decimal engine too.
  if ((rest < y - rest ? rest : y - rest) * MARGIN <= bound) return undefined;

  // percent × 10^4 = cost × percentFactor / (denominator × S).
  const num = cost * t.percentFactor;
  const den = y * p.send;
  const q = num / den;
  const r = num - q * den;
  const percentBound = bound * t.boundFactor;
  const fromHalf = 2n * r - den;
  if ((fromHalf < 0n ? -fromHalf : fromHalf) * MARGIN <= percentBound) return undefined;
  // Next to 3 % or 5 %: how far the exact percent is from it.
  const fromThreshold = q === 29_999n || q === 49_999n ? den - r : q === 30_000n || q === 50_000n ? r : undefined;
  if (fromThreshold !== undefined && fromThreshold * MARGIN <= percentBound) return undefined;
  return {
    totalCost: formatUnits(whole + 1n, p.plan.sendDigits),
    percent: formatUnits(fromHalf > 0n ? q + 1n : q, 4),
    sdg: q < 30_000n ? "below_3" : q >= 50_000n && (q > 50_000n || r > 0n) ? "above_5" : "3_to_5",
  };
}

/** The total cost % as the wire writes it and the verdict on it. */
export function costPercentFigures(p: Pricing): { text: string; sdg: SdgVerdict } {
  const f = costFigures(p);
  return { text: f.percent, sdg: f.sdg };
}

/** S as the wire writes it: to the send currency's minor unit, half to even. */
export function sendAmountText(p: Pricing): string {
  const toMinor = p.plan.feeToSendScale;
  return formatUnits(toMinor === 1n ? p.send : halfEvenDiv(p.send, toMinor), p.plan.sendDigits);
}

/** The other decimal strings a quote shows, written as money.ts writes them. */
export function wireFigures(p: Pricing) {
  const { plan } = p;
  const toMinor = plan.feeToSendScale;
  return {
    fee: formatUnits(p.fee, plan.sendDigits),
    senderPays: formatUnits(toMinor === 1n ? p.senderPays : ceilDiv(p.senderPays, toMinor), plan.sendDigits),
    recipientGets: formatUnits(p.recipientGets, plan.receiveDigits),
    // Rounded up to the minor unit, as a sender would be charged it.
    totalCost: costFigures(p).totalCost,
  };
}

/** recipientGets(S) in minor units of the receive currency, without the rest of the pricing. */
export function recipientGetsUnits(plan: QuotePlan, send: bigint): bigint {
  const fee = feeUnits(plan, send) * plan.feeToSendScale;
  const converted = plan.onTop || fee === 0n ? send : roundToPrecision(send - fee);
  return recipientGetsOf(plan, receivedOf(plan, converted));
}
