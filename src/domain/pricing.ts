/**
 * @module
 * The one pricing engine: a product's fee, what the sender pays, what the recipient gets and the
 * total cost as the World Bank's RPW defines it (DESIGN.md section 2), on exact rationals. Amounts,
 * fees and rates are exact decimals, the mid an exact fraction; nothing is rounded but the figures
 * a person is shown or charged, once, at the end: the fee and what the sender pays up, what the
 * recipient gets down, to the currency's minor unit; percents to 4 decimals, half to even.
 *
 * What does not depend on the send amount is worked out once per product and scale of the amount
 * (a "plan"), what depends on the mid once per plan and mid; per amount there remain a few BigInt
 * products and sums, and the divisions the shown figures need.
 */
import { digitsOf } from "./money.ts";
import { ceilDiv, floorDiv, formatUnits, halfEvenDiv, pow10, scaledOf, unitsAt, type Fraction, type Scaled } from "./rational.ts";
import type { FeeMode, ProductInput } from "./schemas.ts";
import { verdictOfShownPercent, type SdgVerdict } from "./sdg.ts";

/** A product's prices parsed once, when its quote is loaded. */
export interface PricedProduct {
  sendCurrency: string;
  receiveCurrency: string;
  feeMode: FeeMode;
  sendDigits: number;
  receiveDigits: number;
  /** Ascending bands; the last has `upTo` undefined and holds the top-level fixed/percent. */
  bands: { upTo: Scaled | undefined; fixed: Scaled; percent: Scaled }[];
  min: Scaled | undefined;
  max: Scaled | undefined;
  rate: Scaled;
  receiverFee: Scaled;
  /** One plan per scale of send amount seen (in practice, one). */
  plans: Map<number, Plan>;
}

export function pricedProduct(p: ProductInput): PricedProduct {
  const fee = p.fee;
  const band = (upTo: string | undefined, fixed: string, percent: string) => ({ upTo: upTo === undefined ? undefined : scaledOf(upTo), fixed: scaledOf(fixed), percent: scaledOf(percent) });
  return {
    sendCurrency: p.sendCurrency,
    receiveCurrency: p.receiveCurrency,
    feeMode: p.feeMode,
    sendDigits: digitsOf(p.sendCurrency),
    receiveDigits: digitsOf(p.receiveCurrency),
    bands: [...(fee.bands ?? []).map((b) => band(b.upTo, b.fixed, b.percent)), band(undefined, fee.fixed, fee.percent)],
    min: fee.min === undefined ? undefined : scaledOf(fee.min),
    max: fee.max === undefined ? undefined : scaledOf(fee.max),
    rate: scaledOf(p.rate),
    receiverFee: p.receiverFee ? scaledOf(p.receiverFee.amount) : { units: 0n, scale: 0 },
    plans: new Map(),
  };
}

/** A fee band at the plan's fee scale F: fee × 10^F = fixed + S(units) × perUnit, for S(units) ≤ limit. */
interface Band {
  limit: bigint | undefined;
  fixed: bigint;
  perUnit: bigint;
}

/** A product made ready to price amounts S = S(units) × 10^−sendScale. */
export interface Plan {
  product: PricedProduct;
  sendScale: number;
  sendDigits: number;
  receiveDigits: number;
  onTop: boolean;
  bands: Band[];
  min: bigint | undefined;
  max: bigint | undefined;
  /** 10^(F − send digits): the fee in minor units is ⌈fee × 10^F / this⌉. */
  feeDivisor: bigint;
  /** 10^(sendScale − send digits). */
  minorToSend: bigint;
  /** received × 10^E = converted(units) × this − receiverFee. */
  convertedToReceived: bigint;
  receivedScale: number;
  receiverFee: bigint;
  /** 10^(E − receive digits). */
  recipientDivisor: bigint;
  terms: MidTerms | undefined;
}

/** The plan for amounts with `scale` decimals (at least the send currency's minor digits). */
export function planFor(product: PricedProduct, scale: number): Plan {
  const hit = product.plans.get(scale);
  if (hit) return hit;
  const { sendDigits, receiveDigits, rate, receiverFee, min, max } = product;
  const s = Math.max(scale, sendDigits);
  // One scale F holds every fee term exactly: S × percent / 100 has s + percent's scale + 2 decimals.
  const feeScale = Math.max(sendDigits, min?.scale ?? 0, max?.scale ?? 0, ...product.bands.map((b) => Math.max(b.fixed.scale, b.percent.units === 0n ? 0 : s + b.percent.scale + 2)));
  const receivedScale = Math.max(s + rate.scale, receiverFee.scale, receiveDigits);
  const plan: Plan = {
    product,
    sendScale: s,
    sendDigits,
    receiveDigits,
    onTop: product.feeMode === "on_top",
    bands: product.bands.map((b) => ({
      // S ≤ upTo, for S a whole number of 10^−s, is S(units) ≤ ⌊upTo × 10^s⌋.
      limit: b.upTo === undefined ? undefined : b.upTo.scale <= s ? unitsAt(b.upTo, s) : floorDiv(b.upTo.units, pow10(b.upTo.scale - s)),
      fixed: unitsAt(b.fixed, feeScale),
      perUnit: b.percent.units === 0n ? 0n : b.percent.units * pow10(feeScale - s - b.percent.scale - 2),
    })),
    min: min && unitsAt(min, feeScale),
    max: max && unitsAt(max, feeScale),
    feeDivisor: pow10(feeScale - sendDigits),
    minorToSend: pow10(s - sendDigits),
    convertedToReceived: rate.units * pow10(receivedScale - s - rate.scale),
    receivedScale,
    receiverFee: unitsAt(receiverFee, receivedScale),
    recipientDivisor: pow10(receivedScale - receiveDigits),
    terms: undefined,
  };
  product.plans.set(scale, plan);
  return plan;
}

/**
 * What a plan needs of one mid M = m / n (receive units per send unit). The total cost is
 * senderPays − received / M = cost / costDenominator with
 * cost = senderPays(units) × paysFactor − received(units) × n and costDenominator = 10^E × m.
 */
interface MidTerms {
  mid: Fraction;
  paysFactor: bigint;
  costDenominator: bigint;
  /** 10^(E − send digits) × m: the total cost in minor units is ⌈cost / this⌉. */
  costToMinor: bigint;
  /** percent × 10^4 = cost × percentFactor / (S(units) × percentDivisor). */
  percentFactor: bigint;
  percentDivisor: bigint;
  /** 10^receive digits × m: what the recipient gets valued at mid is recipientGets × n / this. */
  homeDenominator: bigint;
  fxMarginPercent: string;
}

function termsFor(plan: Plan, mid: Fraction): MidTerms {
  const t = plan.terms;
  if (t !== undefined && (t.mid === mid || (t.mid.num === mid.num && t.mid.den === mid.den))) return t;
  const E = plan.receivedScale;
  const s = plan.sendScale;
  const m = mid.num;
  const shift = s + 6 - E;
  const terms: MidTerms = {
    mid,
    paysFactor: pow10(E - s) * m,
    costDenominator: pow10(E) * m,
    costToMinor: pow10(E - plan.sendDigits) * m,
    percentFactor: shift >= 0 ? pow10(shift) : 1n,
    percentDivisor: shift >= 0 ? m : m * pow10(-shift),
    homeDenominator: pow10(plan.receiveDigits) * m,
    fxMarginPercent: fxMarginPercent(mid, plan.product.rate),
  };
  plan.terms = terms;
  return terms;
}

/** (M − R) / M × 100, to 4 decimals half to even; negative when a promotion beats the mid. */
export function fxMarginPercent(mid: Fraction, rate: Scaled): string {
  // (m − R × n) / m with R = r / 10^k: (m × 10^k − r × n) / (m × 10^k).
  const den = mid.num * pow10(rate.scale);
  return formatUnits(halfEvenDiv((den - rate.units * mid.den) * pow10(6), den), 4);
}

/** The sender's fee in minor units for S(units): the band's fixed + S × percent / 100, held within min/max, rounded up. */
export function feeUnits(plan: Plan, send: bigint): bigint {
  const bands = plan.bands;
  let band = bands[bands.length - 1]!;
  for (const b of bands) {
    if (b.limit === undefined || send <= b.limit) {
      band = b;
      break;
    }
  }
  let value = band.perUnit === 0n ? band.fixed : band.fixed + send * band.perUnit;
  if (plan.min !== undefined && value < plan.min) value = plan.min;
  if (plan.max !== undefined && value > plan.max) value = plan.max;
  return value <= 0n ? 0n : ceilDiv(value, plan.feeDivisor);
}

/** One product priced for one amount against one mid; every field exact, at the plan's scales. */
export interface Pricing {
  plan: Plan;
  terms: MidTerms;
  /** S(units), at sendScale. */
  send: bigint;
  /** In minor units of the send currency. */
  fee: bigint;
  /** At sendScale. */
  senderPays: bigint;
  /** What is converted (S when the fee is on top, S − fee when deducted), at sendScale. */
  converted: bigint;
  /** converted × rate − receiver fee, at the received scale E. */
  received: bigint;
  /** In minor units of the receive currency, never below zero. */
  recipientGets: bigint;
  /** The total cost × costDenominator. */
  cost: bigint;
  /** What a quote shows, once asked for. */
  shown: Shown | undefined;
}

/** Prices S(units) at plan.sendScale against the mid. */
export function price(plan: Plan, send: bigint, mid: Fraction): Pricing {
  if (send <= 0n) throw new RangeError("the send amount must be positive");
  const terms = termsFor(plan, mid);
  const fee = feeUnits(plan, send);
  const senderPays = senderPaysOf(plan, send, fee);
  const converted = convertedOf(plan, send, fee);
  const received = receivedOf(plan, converted);
  const recipientGets = recipientGetsOf(plan, received);
  const cost = senderPays * terms.paysFactor - received * mid.den;
  return { plan, terms, send, fee, senderPays, converted, received, recipientGets, cost, shown: undefined };
}

/** What the sender pays for S(units) and a fee in minor units, at sendScale. */
export function senderPaysOf(plan: Plan, send: bigint, fee: bigint): bigint {
  return plan.onTop ? send + fee * plan.minorToSend : send;
}

/** What is converted: S when the fee is on top, S − fee when it is deducted. */
function convertedOf(plan: Plan, send: bigint, fee: bigint): bigint {
  return plan.onTop ? send : send - fee * plan.minorToSend;
}

/** converted × rate − receiver fee, exactly, at the received scale. */
function receivedOf(plan: Plan, converted: bigint): bigint {
  return converted * plan.convertedToReceived - plan.receiverFee;
}

/** What is received, rounded down to the receive currency's minor unit, never below zero. */
function recipientGetsOf(plan: Plan, received: bigint): bigint {
  return received <= 0n ? 0n : received / plan.recipientDivisor;
}

/** recipientGets(S) in minor units, without the rest of the pricing (the reverse question's search). */
export function recipientGetsUnits(plan: Plan, send: bigint): bigint {
  const fee = plan.onTop ? 0n : feeUnits(plan, send);
  return recipientGetsOf(plan, receivedOf(plan, convertedOf(plan, send, fee)));
}

/** The figures of a quote as the wire writes them: the only place a price is rounded. */
export interface Shown {
  sendAmount: string;
  fee: string;
  senderPays: string;
  recipientGets: string;
  /** Rounded up to the send currency's minor unit, as a sender is charged. */
  totalCost: string;
  /** To 4 decimals, half to even. */
  percent: string;
  /** On the shown percent, so it never contradicts it (sdg.ts). */
  sdg: SdgVerdict;
  fxMarginPercent: string;
}

export function shown(p: Pricing): Shown {
  if (p.shown !== undefined) return p.shown;
  const { plan, terms } = p;
  const d = plan.sendDigits;
  const toMinor = plan.minorToSend;
  const percent = halfEvenDiv(p.cost * terms.percentFactor, p.send * terms.percentDivisor);
  return (p.shown = {
    sendAmount: formatUnits(toMinor === 1n ? p.send : halfEvenDiv(p.send, toMinor), d),
    fee: formatUnits(p.fee, d),
    senderPays: formatUnits(toMinor === 1n ? p.senderPays : ceilDiv(p.senderPays, toMinor), d),
    recipientGets: formatUnits(p.recipientGets, plan.receiveDigits),
    totalCost: formatUnits(ceilDiv(p.cost, terms.costToMinor), d),
    percent: formatUnits(percent, 4),
    sdg: verdictOfShownPercent(percent),
    fxMarginPercent: terms.fxMarginPercent,
  });
}

/** The exact total cost in the send currency. */
export function totalCostFraction(p: Pricing): Fraction {
  return { num: p.cost, den: p.terms.costDenominator };
}

/** The exact total cost % divided by 100 (cost per unit sent): orders as the percent does. */
export function costShareFraction(p: Pricing): Fraction {
  return { num: p.cost * pow10(p.plan.sendScale), den: p.terms.costDenominator * p.send };
}

/** What the recipient gets valued at mid, in send-currency units: comparable across currencies. */
export function homeValueFraction(p: Pricing): Fraction {
  return { num: p.recipientGets * p.terms.mid.den, den: p.terms.homeDenominator };
}

export function senderPaysFraction(p: Pricing): Fraction {
  return { num: p.senderPays, den: pow10(p.plan.sendScale) };
}
