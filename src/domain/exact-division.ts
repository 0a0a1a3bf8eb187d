/**
 * @module
 * Division of two Decimals with exactly decimal.js's result (the quotient correctly rounded to the
 * shared Decimal's 40 significant digits, half to even), done on BigInt. decimal.js divides by
 * long division in base 10^7, some 7–10 µs at 40 digits; a BigInt quotient is a few times faster,
 * and a comparison divides twice per quote whose exact figures cannot be trusted to match
 * decimal.js's (scaled-cost.ts). Anything unusual (zero, NaN, ±Infinity) is left to
 * decimal.js itself.
 */
import { Decimal } from "./money.ts";
import { pow10 } from "./scaled.ts";

/** Significant digits of the shared Decimal (money.ts): the quotient is rounded to this many. */
const PRECISION = Decimal.precision;
/** 10^PRECISION: below it, at most PRECISION digits, whatever the scale: nothing to round. */
const LIMIT = pow10(PRECISION);

/** Number of decimal digits of a positive BigInt, found fastest when it is `guess` or next to it. */
function digitsOf(c: bigint, guess = 1): number {
  if (c >= pow10(guess - 1)) {
    if (c < pow10(guess)) return guess;
    if (c < pow10(guess + 1)) return guess + 1;
  } else if (guess > 1 && c >= pow10(guess - 2)) {
    return guess - 1;
  }
  let lo = 1;
  let hi = 2 * PRECISION + 24;
  if (c >= pow10(hi)) return c.toString().length;
  // The smallest n with c < 10^n.
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (c < pow10(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * Digit counts of the operands of a call site's last quotient: the next quotient the same
 * code works out mostly has the same counts, or counts next to them.
 */
export interface DigitMemo {
  dividend: number;
  divisor: number;
}

export function digitMemo(): DigitMemo {
  return { dividend: 1, divisor: 1 };
}

const anywhere = digitMemo();

/** q (≥ 0) rounded half to even at its `extra` last digits. */
function roundOff(q: bigint, extra: number): bigint {
  const unit = pow10(extra);
  const kept = q / unit;
  const twice = (q - kept * unit) * 2n;
  return twice > unit || (twice === unit && (kept & 1n) === 1n) ? kept + 1n : kept;
}

/**
 * x rounded to the Decimal's significant digits, half to even, at the same scale (the digits
 * rounded off become zeros): what decimal.js makes of a sum or product that needs more digits.
 */
export function roundToPrecision(x: bigint): bigint {
  if (x < LIMIT && x > -LIMIT) return x;
  const negative = x < 0n;
  const extra = digitsOf(negative ? -x : x) - PRECISION;
  const rounded = roundOff(negative ? -x : x, extra) * pow10(extra);
  return negative ? -rounded : rounded;
}

/**
 * num / den (den > 0) rounded to the Decimal's significant digits, half to even: decimal.js's
 * quotient. The scale is negative for quotients of 10^40 and more.
 */
export function quotient(num: bigint, den: bigint, last: DigitMemo = anywhere): { units: bigint; scale: number } {
  if (num === 0n) return { units: 0n, scale: 0 };
  const negative = num < 0n;
  const n = negative ? -num : num;
  // Scaled by 10^k, the integer quotient has PRECISION digits or one more, and the remainder says how to round.
  const k = PRECISION + (last.divisor = digitsOf(den, last.divisor)) - (last.dividend = digitsOf(n, last.dividend));
  const dividend = k >= 0 ? n * pow10(k) : n;
  const divisor = k >= 0 ? den : den * pow10(-k);
  let q = dividend / divisor;
  const rest = dividend - q * divisor;
  let scale = k;
  if (q < LIMIT) {
    const twice = rest * 2n;
    if (twice > divisor || (twice === divisor && (q & 1n) === 1n)) q += 1n;
  } else {
    const kept = q / 10n;
    const digit = q - kept * 10n;
    q = digit > 5n || (digit === 5n && (rest !== 0n || (kept & 1n) === 1n)) ? kept + 1n : kept;
    scale -= 1;
  }
  return { units: negative ? -q : q, scale };
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
  const q = quotient(x.c, y.c);
  return fromScaled(a.isNegative() !== b.isNegative(), q.units, x.exp - y.exp - q.scale + shift);
}
