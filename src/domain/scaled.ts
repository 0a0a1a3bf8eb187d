/**
 * @module
 * Exact decimals as integers of a known scale (12.50 is 1250 at scale 2), on BigInt. The
 * comparison's per-request arithmetic runs on these: an addition or a product of two such
 * integers is exact and an order of magnitude cheaper than decimal.js's, and every division is
 * done once, at the end, with the rounding the wire needs. Values come in from Decimals when a
 * quote is prepared and go out as decimal strings; nothing here is ever a JS number.
 */
import type { Decimal } from "./money.ts";

/** The value units × 10^−scale; scale ≥ 0 but for quotients of 10^40 and more. */
export interface Scaled {
  units: bigint;
  scale: number;
}

const POW10: bigint[] = [1n];
for (let i = 1; i <= 160; i++) POW10.push(POW10[i - 1]! * 10n);

export function pow10(n: number): bigint {
  return n < POW10.length ? POW10[n]! : 10n ** BigInt(n);
}

/** A finite Decimal, exactly. `toFixed()` without digits writes every digit and never an exponent. */
export function scaledOf(x: Decimal): Scaled {
  const text = x.toFixed();
  const dot = text.indexOf(".");
  if (dot < 0) return { units: BigInt(text), scale: 0 };
  return { units: BigInt(text.slice(0, dot) + text.slice(dot + 1)), scale: text.length - dot - 1 };
}

/** The units of `x` at a scale at least its own. */
export function unitsAt(x: Scaled, scale: number): bigint {
  return scale === x.scale ? x.units : x.units * pow10(scale - x.scale);
}

/** ⌊a / b⌋ for b > 0 (BigInt division truncates towards zero). */
export function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a < 0n && q * b !== a ? q - 1n : q;
}

/** ⌈a / b⌉ for b > 0. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a > 0n && q * b !== a ? q + 1n : q;
}

/** a / b rounded to the nearest integer, ties to even, for b > 0. */
export function halfEvenDiv(a: bigint, b: bigint): bigint {
  const q = floorDiv(a, b);
  const twice = (a - q * b) * 2n;
  return twice > b || (twice === b && (q & 1n) === 1n) ? q + 1n : q;
}

/**
 * `units` at `scale` as a decimal string with exactly `scale` decimals. `negative` says whether the
 * value it was rounded from was below zero: decimal.js writes −0.00001 to 4 places as "-0.0000",
 * and the wire keeps what it always wrote.
 */
export function formatUnits(units: bigint, scale: number, negative = units < 0n): string {
  return formatDigits((units < 0n ? -units : units).toString(), scale, negative);
}

/** formatUnits from the decimal digits of |units| (no leading zeros). */
function formatDigits(digits: string, scale: number, negative: boolean): string {
  if (scale > 0) {
    if (digits.length <= scale) digits = "0".repeat(scale - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return negative ? `-${digits}` : digits;
}

/*
 * Rounding a value of some 40 digits to a few decimals, from its decimal digits: writing the digits
 * costs about what one division by a power of ten does, and the wire needs them anyway, where the
 * division would also want a product and a difference to find its remainder (and each of those
 * allocates on values of that size).
 */

/** |units| cut `drop` digits from the right: what stays (no leading zeros, "0" if nothing), and what was cut. */
interface Cut {
  kept: string;
  /** Exactly `drop` digits, zeros in front when |units| had fewer. */
  cut: string;
  negative: boolean;
}

function cutDigits(units: bigint, drop: number): Cut {
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString();
  const keep = digits.length - drop;
  return keep > 0 ? { kept: digits.slice(0, keep), cut: digits.slice(keep), negative } : { kept: "0", cut: "0".repeat(-keep) + digits, negative };
}

const NON_ZERO = /[1-9]/;

/** A digit string plus one unit in its last place. */
function incremented(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57) i--;
  if (i < 0) return "1" + "0".repeat(digits.length);
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + "0".repeat(digits.length - 1 - i);
}

/** Whether the digit string a (no leading zeros) is below b (no leading zeros), as numbers. */
function digitsBelow(a: string, b: string): boolean {
  return a.length !== b.length ? a.length < b.length : a < b;
}

/** x rounded up to `scale` decimals (towards +∞), written as formatUnits writes it. */
export function ceilText(x: Scaled, scale: number): string {
  if (x.scale <= scale) return formatUnits(x.units * pow10(scale - x.scale), scale);
  const { kept, cut, negative } = cutDigits(x.units, x.scale - scale);
  // Towards +∞: a positive value with anything cut goes up a unit, a negative one only loses it.
  const digits = !negative && NON_ZERO.test(cut) ? incremented(kept) : kept;
  return formatDigits(digits, scale, negative && digits !== "0");
}

/**
 * x rounded half to even to `scale` (< x.scale) decimals and written, the sign kept from x (as
 * formatUnits's `negative`); and where x lies against [low, high], both ≥ 0 and given as digits at
 * that scale: −1 below low, 1 above high, 0 within.
 */
export function halfEvenText(x: Scaled, scale: number, low: string, high: string): { text: string; within: -1 | 0 | 1 } {
  const { kept, cut, negative } = cutDigits(x.units, x.scale - scale);
  // Against half a unit of the last kept digit: the first cut digit says it unless it is a 5.
  const first = cut.charCodeAt(0);
  const half = first !== 53 ? (first > 53 ? 1 : -1) : NON_ZERO.test(cut.slice(1)) ? 1 : 0;
  const odd = (kept.charCodeAt(kept.length - 1) & 1) === 1;
  const digits = half > 0 || (half === 0 && odd) ? incremented(kept) : kept;
  // kept is ⌊|x|⌋ at this scale: x is above a value when kept is, or equals it with something cut.
  const within = negative || digitsBelow(kept, low) ? -1 : digitsBelow(high, kept) || (kept === high && NON_ZERO.test(cut)) ? 1 : 0;
  return { text: formatDigits(digits, scale, negative), within };
}

/** An exact ratio num / den with den > 0: how the ranking compares values that divisions produce. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

/** −1, 0 or 1 as a < b, a = b, a > b; one product each side, none when the denominators agree. */
export function compareFractions(a: Fraction, b: Fraction): number {
  const left = a.den === b.den ? a.num : a.num * b.den;
  const right = a.den === b.den ? b.num : b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}
