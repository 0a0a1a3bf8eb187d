/**
 * @module
 * Division of two Decimals with exactly decimal.js's result (the quotient correctly rounded to the
 * shared Decimal's 40 significant digits, half to even), done on BigInt. decimal.js divides by
 * long division in base 10^7, some 7–10 µs at 40 digits; a BigInt quotient is a few times faster,
 * and a comparison divides twice per quote. Anything unusual (zero, NaN, ±Infinity) is left to
 * decimal.js itself.
 */
import { Decimal } from "./money.ts";

/** Significant digits of the shared Decimal (money.ts): the quotient is rounded to this many. */
const PRECISION = Decimal.precision;
/** Quotient digits computed before rounding: two beyond the precision, and the remainder as sticky bit. */
const WORKING = PRECISION + 2;

const POW10: bigint[] = [1n];
for (let i = 1; i <= 2 * WORKING + 20; i++) POW10.push(POW10[i - 1]! * 10n);

function pow10(n: number): bigint {
  return n < POW10.length ? POW10[n]! : 10n ** BigInt(n);
}

/** Number of decimal digits of a positive BigInt. */
function digitsOf(c: bigint): number {
  let lo = 1;
  let hi = POW10.length - 1;
  if (c >= POW10[hi]!) return c.toString().length;
  // The smallest n with c < 10^n.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c < POW10[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** |x| as coefficient × 10^exponent, from decimal.js's base-10^7 digits (its documented d, e, s). */
interface Scaled {
  c: bigint;
  exp: number;
  digits: number;
}

const scaledCache = new WeakMap<Decimal, Scaled>();

const LIMB = 10_000_000n;

function scaled(x: Decimal): Scaled {
  const hit = scaledCache.get(x);
  if (hit) return hit;
  const d = (x as unknown as { d: number[] }).d;
  let c = BigInt(d[0]!);
  for (let i = 1; i < d.length; i++) c = c * LIMB + BigInt(d[i]!);
  const digits = String(d[0]).length + 7 * (d.length - 1);
  const value = { c, exp: x.e - digits + 1, digits };
  scaledCache.set(x, value);
  return value;
}

/**
 * The Decimal of value ±q × 10^exp (q > 0), laid out as decimal.js's own string parser lays it out
 * (base-10^7 limbs aligned on the exponent, trailing zeros dropped), without the parsing.
 */
function fromScaled(negative: boolean, q: bigint, exp: number): Decimal {
  let str = q.toString();
  let len = str.length;
  while (str.charCodeAt(len - 1) === 48) len--;
  exp += str.length - len;
  str = str.slice(0, len);
  const e = exp + len - 1;
  const d: number[] = [];
  let i = (e + 1) % 7;
  if (e < 0) i += 7;
  if (i < len) {
    if (i) d.push(+str.slice(0, i));
    for (len -= 7; i < len; ) d.push(+str.slice(i, (i += 7)));
    str = str.slice(i);
    i = 7 - str.length;
  } else {
    i -= len;
  }
  while (i--) str += "0";
  d.push(+str);
  // Every clone shares one prototype; an instance finds its clone's settings (precision, toExpNeg…)
  // through its own `constructor` property, which decimal.js's constructor sets as below.
  const x = Object.create(Decimal.prototype) as Decimal & { s: number; e: number; d: number[]; constructor: unknown };
  x.constructor = Decimal;
  x.s = negative ? -1 : 1;
  x.e = e;
  x.d = d;
  return x;
}

/** `a.dividedBy(b)`, the same Decimal value, computed faster. */
export function divide(a: Decimal, b: Decimal): Decimal {
  return divideShifted(a, b, 0);
}

/**
 * `a.dividedBy(b).times(10^shift)`, e.g. a percentage with shift 2. The same value: the quotient
 * has at most 40 digits, so multiplying it by a power of ten is exact and rounds nothing.
 */
export function divideShifted(a: Decimal, b: Decimal, shift: number): Decimal {
  if (!a.isFinite() || !b.isFinite() || a.isZero() || b.isZero()) return shift === 0 ? a.dividedBy(b) : a.dividedBy(b).times(Decimal.pow(10, shift));
  const x = scaled(a);
  const y = scaled(b);
  // Scale the dividend so the integer quotient has at least WORKING digits.
  const k = Math.max(0, WORKING + y.digits - x.digits);
  const dividend = x.c * pow10(k);
  let q = dividend / y.c;
  const sticky = dividend - q * y.c !== 0n;
  let exp = x.exp - y.exp - k;
  const extra = digitsOf(q) - PRECISION;
  if (extra > 0) {
    const unit = pow10(extra);
    const kept = q / unit;
    const rest = q - kept * unit;
    const half = unit / 2n;
    const up = rest > half || (rest === half && (sticky || (kept & 1n) === 1n));
    q = up ? kept + 1n : kept;
    exp += extra;
  }
  return fromScaled(a.isNegative() !== b.isNegative(), q, exp + shift);
}
