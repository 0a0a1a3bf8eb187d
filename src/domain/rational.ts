/**
 * @module
 * Exact rational numbers on BigInt: decimals as integers of a known scale (12.50 is 1250 at scale
 * 2) and ratios of integers (a mid derived by an inverse or a cross). Nothing here is rounded but
 * by the functions that say so, and nothing is ever a JS number.
 */
import type { Decimal } from "./money.ts";

/** The exact decimal units × 10^−scale, scale ≥ 0. */
export interface Scaled {
  units: bigint;
  scale: number;
}

/** The exact ratio num / den, den > 0. */
export interface Fraction {
  num: bigint;
  den: bigint;
}

const POW10: bigint[] = [1n];
for (let i = 1; i <= 160; i++) POW10.push(POW10[i - 1]! * 10n);

export function pow10(n: number): bigint {
  return n < POW10.length ? POW10[n]! : 10n ** BigInt(n);
}

const DECIMAL_TEXT = /^(-?)(\d+)(?:\.(\d+))?$/;

/** A decimal string ("12.50", "-3", "0.00197") or a finite Decimal, exactly. */
export function scaledOf(x: string | Decimal): Scaled {
  const text = typeof x === "string" ? x : x.toFixed();
  const m = DECIMAL_TEXT.exec(text);
  if (!m) throw new RangeError(`not a plain decimal: ${text}`);
  const fraction = m[3] ?? "";
  const units = BigInt(m[2]! + fraction);
  return { units: m[1] ? -units : units, scale: fraction.length };
}

/** The units of `x` at a scale at least its own. */
export function unitsAt(x: Scaled, scale: number): bigint {
  return scale === x.scale ? x.units : x.units * pow10(scale - x.scale);
}

export function fractionOf(x: Scaled): Fraction {
  return { num: x.units, den: pow10(x.scale) };
}

/** a / b for b ≠ 0, its sign on the numerator. */
export function divideFractions(a: Fraction, b: Fraction): Fraction {
  const num = a.num * b.den;
  const den = a.den * b.num;
  return den < 0n ? { num: -num, den: -den } : { num, den };
}

export const ONE: Fraction = { num: 1n, den: 1n };

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

/** −1, 0 or 1 as a < b, a = b, a > b; one product each side, none when the denominators agree. */
export function compareFractions(a: Fraction, b: Fraction): number {
  const left = a.den === b.den ? a.num : a.num * b.den;
  const right = a.den === b.den ? b.num : b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** `units` at `scale` as a decimal string with exactly `scale` decimals ("-" only when units < 0). */
export function formatUnits(units: bigint, scale: number): string {
  let digits = (units < 0n ? -units : units).toString();
  if (scale > 0) {
    if (digits.length <= scale) digits = "0".repeat(scale - digits.length + 1) + digits;
    digits = `${digits.slice(0, digits.length - scale)}.${digits.slice(digits.length - scale)}`;
  }
  return units < 0n ? `-${digits}` : digits;
}

/**
 * A positive fraction to `digits` significant digits, half to even, without trailing zeros
 * (1 / 0.00197 to 10 digits is "507.6142132").
 */
export function significantText(x: Fraction, digits: number): string {
  if (x.num <= 0n) throw new RangeError("significantText takes a positive fraction");
  // 10^(e−1) ≤ x < 10^e, from the lengths of the integers, corrected by one comparison.
  let e = x.num.toString().length - x.den.toString().length;
  if (compareFractions(x, e >= 0 ? { num: pow10(e), den: 1n } : { num: 1n, den: pow10(-e) }) >= 0) e += 1;
  // x × 10^(digits − e) has `digits` digits before the point.
  const shift = digits - e;
  let units = shift >= 0 ? halfEvenDiv(x.num * pow10(shift), x.den) : halfEvenDiv(x.num, x.den * pow10(-shift));
  let scale = shift;
  if (units === pow10(digits)) {
    units /= 10n;
    scale -= 1;
  }
  if (scale <= 0) return (units * pow10(-scale)).toString();
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return formatUnits(units, scale);
}
