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

/** x at `scale` decimals: exact when it has no more, else rounded by `divide` (floorDiv, ceilDiv, halfEvenDiv). */
export function rescale(x: Scaled, scale: number, divide: (a: bigint, b: bigint) => bigint): bigint {
  return x.scale <= scale ? x.units * pow10(scale - x.scale) : divide(x.units, pow10(x.scale - scale));
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
  let digits = (units < 0n ? -units : units).toString();
  if (scale > 0) {
    if (digits.length <= scale) digits = "0".repeat(scale - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return negative ? `-${digits}` : digits;
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
