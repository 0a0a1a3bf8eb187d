// Frozen copy of src/domain/fees.ts as of commit 9183b98, before it was optimised: the
// reference the fast engine is checked against (test/pinned/pinned-outputs.test.ts). Do not edit.
/**
 * @module
 * A product's fee schedule turned into a function of the send amount.
 */
import { Decimal, HUNDRED, roundUp, ZERO } from "../../../src/domain/money.ts";
import type { FeeSchedule } from "../../../src/domain/schemas.ts";

/** A fee schedule with its numbers parsed once, when the quote is loaded, not per evaluation. */
export interface PreparedFee {
  currency: string;
  /** Ascending bands; the last has `upTo` undefined and holds the top-level fixed/percent. */
  bands: { upTo: Decimal | undefined; fixed: Decimal; rate: Decimal }[];
  min: Decimal | undefined;
  max: Decimal | undefined;
}

export function prepareFee(fee: FeeSchedule, currency: string): PreparedFee {
  const band = (upTo: string | undefined, fixed: string, percent: string) => ({
    upTo: upTo === undefined ? undefined : new Decimal(upTo),
    fixed: new Decimal(fixed),
    rate: new Decimal(percent).dividedBy(HUNDRED),
  });
  return {
    currency,
    bands: [...(fee.bands ?? []).map((b) => band(b.upTo, b.fixed, b.percent)), band(undefined, fee.fixed, fee.percent)],
    min: fee.min === undefined ? undefined : new Decimal(fee.min),
    max: fee.max === undefined ? undefined : new Decimal(fee.max),
  };
}

/** Index of the band that prices `amount`: the first whose `upTo` is at least the amount. */
export function bandIndex(fee: PreparedFee, amount: Decimal): number {
  const i = fee.bands.findIndex((b) => b.upTo === undefined || amount.lessThanOrEqualTo(b.upTo));
  return i;
}

/** `fixed + S × percent / 100` of the band, held within min/max, rounded up to the minor unit. */
export function feeFor(fee: PreparedFee, amount: Decimal): Decimal {
  const band = fee.bands[bandIndex(fee, amount)]!;
  let value = band.rate.isZero() ? band.fixed : band.fixed.plus(amount.times(band.rate));
  if (fee.min !== undefined && value.lessThan(fee.min)) value = fee.min;
  if (fee.max !== undefined && value.greaterThan(fee.max)) value = fee.max;
  return value.isNegative() ? ZERO : roundUp(value, fee.currency);
}
