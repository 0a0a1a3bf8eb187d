/**
 * @module
 * The reverse question: the smallest send amount, in whole minor units, that delivers at least a
 * given amount to the recipient.
 */
import { evaluate, type Evaluation, type PreparedProduct } from "./cost.ts";
import { Decimal, minorUnit } from "./money.ts";
import { ceilDiv, pow10, scaledOf, unitsAt, type Scaled } from "./scaled.ts";
import { planFor, recipientGetsUnits, scaledProduct, type ScaledProduct } from "./scaled-cost.ts";

/** Beyond this a send amount is not a remittance; it also bounds the search. */
export const MAX_SEND_UNITS = 10n ** 15n;

/**
 * The smallest S, in whole minor units of the send currency, with recipientGets(S) ≥ target, or
 * undefined when no amount up to the bound delivers it.
 *
 * Within one fee band, recipientGets is non-decreasing in S (a fee's slope is below 100 %, and
 * rounding the fee up moves it by at most one minor unit per minor unit of S), so each band is
 * binary-searched. Across bands it may fall (a dearer band can start where a cheaper one ends),
 * so every band is searched and the smallest answer wins.
 */
export function smallestSendUnits(sp: ScaledProduct, target: Scaled): bigint | undefined {
  const plan = planFor(sp, 0);
  const digits = plan.receiveDigits;
  // recipientGets is whole minor units: at least a finer target means at least its ceiling.
  const wanted = target.scale <= digits ? unitsAt(target, digits) : ceilDiv(target.units, pow10(target.scale - digits));
  const delivers = (s: bigint) => recipientGetsUnits(plan, s) >= wanted;
  let best: bigint | undefined;
  let low = 1n;
  for (const band of plan.bands) {
    const high = band.limit === undefined || band.limit > MAX_SEND_UNITS ? MAX_SEND_UNITS : band.limit;
    if (best !== undefined && low >= best) break;
    if (high >= low && delivers(high)) {
      let lo = low;
      let hi = high; // delivers(hi) holds
      while (lo < hi) {
        const mid = (lo + hi) / 2n;
        if (delivers(mid)) hi = mid;
        else lo = mid + 1n;
      }
      if (best === undefined || hi < best) best = hi;
    }
    low = high + 1n;
  }
  return best;
}

/** smallestSendUnits for a product as cost.ts prepares it, evaluated there at the answer. */
export function smallestSendAmount(product: PreparedProduct, target: Decimal, mid: Decimal): Evaluation | undefined {
  const units = smallestSendUnits(scaledProduct(product), scaledOf(target));
  return units === undefined ? undefined : evaluate(product, new Decimal(units.toString()).times(minorUnit(product.sendCurrency)), mid);
}
