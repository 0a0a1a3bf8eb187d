/**
 * The BigInt division gives decimal.js's quotient exactly: same digits, same rounding (half to
 * even at 40 significant digits), same sign, whatever the sizes of the operands.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { divide, divideShifted } from "../src/domain/exact-division.ts";
import { Decimal } from "../src/domain/money.ts";

const decimalText = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 1n, max: 10n ** 46n }), fc.integer({ min: -30, max: 20 }))
  .map(([negative, c, e]) => `${negative ? "-" : ""}${c}e${e}`);

function same(a: Decimal, b: Decimal) {
  const fast = divide(a, b);
  const slow = a.dividedBy(b);
  expect(fast.toString(), `${a.toString()} / ${b.toString()}`).toBe(slow.toString());
  expect(fast.isNegative()).toBe(slow.isNegative());
}

describe("exact division", () => {
  it("matches decimal.js on random operands of up to 46 digits", () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => same(new Decimal(a), new Decimal(b))),
      { numRuns: 3000 },
    );
  });

  it("matches decimal.js on quotients that end exactly on a half (ties to even)", () => {
    // 41-digit terminating quotients ending in 5: the tie case of half-even rounding.
    for (const tail of ["5", "15", "25", "35"]) {
      const a = new Decimal(`1234567890123456789012345678901234567890${tail}`);
      for (const b of ["1", "10", "0.1", "2", "-4", "8"]) same(a, new Decimal(b));
    }
  });

  it("matches decimal.js on money-shaped operands: amounts, rates, mids", () => {
    const amount = fc.integer({ min: 1, max: 10 ** 9 }).map((u) => new Decimal(u).dividedBy(100));
    const rate = fc.integer({ min: 1, max: 10 ** 9 }).map((u) => new Decimal(u).dividedBy(10 ** 6));
    fc.assert(fc.property(amount, rate, rate, (s, r, m) => {
      same(s.times(r), m);
      same(s.minus(s.times(r).dividedBy(m)), s);
    }), { numRuns: 3000 });
  });

  it("leaves zero, infinities and NaN to decimal.js", () => {
    same(new Decimal(0), new Decimal(3));
    same(new Decimal("-0"), new Decimal(3));
    expect(divide(new Decimal(1), new Decimal(0)).toString()).toBe("Infinity");
    expect(divide(new Decimal(Infinity), new Decimal(2)).toString()).toBe("Infinity");
    expect(divide(new Decimal(NaN), new Decimal(2)).isNaN()).toBe(true);
  });
});

describe("exact division's results are ordinary Decimals", () => {
  it("lays out digits as decimal.js does: same toString, toFixed, comparisons and arithmetic", () => {
    fc.assert(
      fc.property(decimalText, decimalText, fc.integer({ min: 0, max: 6 }), (a, b, dp) => {
        const fast = divide(new Decimal(a), new Decimal(b));
        const slow = new Decimal(a).dividedBy(b);
        expect((fast as unknown as { d: number[] }).d).toEqual((slow as unknown as { d: number[] }).d);
        expect(fast.e).toBe(slow.e);
        expect(fast.toFixed(dp)).toBe(slow.toFixed(dp));
        expect(fast.equals(slow)).toBe(true);
        expect(fast.times(3).plus(1).toString()).toBe(slow.times(3).plus(1).toString());
        expect(fast instanceof Decimal).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("exact division with a power-of-ten shift", () => {
  it("equals dividedBy(…).times(100): a percentage", () => {
    fc.assert(
      fc.property(decimalText, decimalText, (a, b) => {
        const fast = divideShifted(new Decimal(a), new Decimal(b), 2);
        const slow = new Decimal(a).dividedBy(b).times(100);
        expect(fast.toString()).toBe(slow.toString());
        expect((fast as unknown as { d: number[] }).d).toEqual((slow as unknown as { d: number[] }).d);
      }),
      { numRuns: 2000 },
    );
    expect(divideShifted(new Decimal(0), new Decimal(7), 2).toString()).toBe("0");
  });
});
