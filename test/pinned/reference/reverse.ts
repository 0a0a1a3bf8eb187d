// Frozen copy of src/domain/reverse.ts as of commit 9183b98, before it was optimised: the
// reference the fast engine is checked against (test/pinned/pinned-outputs.test.ts). Do not edit.
/**
 * @module
 * The reverse question: the smallest send amount, in whole minor units, that delivers at least a
 * given amount to the recipient.
 */
import { evaluate, type Evaluation, type PreparedProduct } from "./cost.ts";
import { Decimal, minorUnit, minorUnits, type Rounding } from "../../../src/domain/money.ts";

/** Beyond this a send amount is not a remittance; it also bounds the search. */
export const MAX_SEND_UNITS = new Decimal("1e15");

/**
 * Finds the smallest S (a multiple of the send currency's minor unit) with
 * recipientGets(S) ≥ target, or undefined when no amount up to the bound delivers it.
 *
 * Within one fee band, recipientGets is non-decreasing in S (a fee's slope is below 100 %, and
 * rounding the fee up moves it by at most one minor unit per minor unit of S), so each band is
 * binary-searched. Across bands it may fall (a dearer band can start where a cheaper one ends),
 * so every band is searched and the smallest answer wins.
 */
export function smallestSendAmount(product: PreparedProduct, target: Decimal, mid: Decimal): Evaluation | undefined {
  const unit = minorUnit(product.sendCurrency);
  const digits = minorUnits(product.sendCurrency)!;
  const toUnits = (amount: Decimal, rounding: Rounding) => amount.dividedBy(unit).toDecimalPlaces(0, rounding);
  const delivers = (units: Decimal) => evaluate(product, units.times(unit), mid).recipientGets.greaterThanOrEqualTo(target);

  let best: Decimal | undefined;
  let lowUnits = new Decimal(1);
  for (const band of product.fee.bands) {
    const highUnits = band.upTo === undefined ? MAX_SEND_UNITS : Decimal.min(toUnits(band.upTo, Decimal.ROUND_FLOOR), MAX_SEND_UNITS);
    if (best !== undefined && lowUnits.greaterThanOrEqualTo(best)) break;
    if (highUnits.greaterThanOrEqualTo(lowUnits) && delivers(highUnits)) {
      let lo = lowUnits;
      let hi = highUnits; // delivers(hi) holds
      while (lo.lessThan(hi)) {
        const midUnits = lo.plus(hi).dividedToIntegerBy(2);
        if (delivers(midUnits)) hi = midUnits;
        else lo = midUnits.plus(1);
      }
      if (best === undefined || hi.lessThan(best)) best = hi;
    }
    lowUnits = highUnits.plus(1);
  }
  return best === undefined ? undefined : evaluate(product, best.times(unit).toDecimalPlaces(digits), mid);
}
