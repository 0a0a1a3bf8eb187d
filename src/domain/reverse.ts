/**
 * @module
 * The reverse question: the send amount, in whole minor units, for which the sender pays least
 * while the recipient gets at least a given amount (ties: the smaller send amount).
 */
import { feeUnits, planFor, recipientGetsUnits, senderPaysOf, type PricedProduct } from "./pricing.ts";
import { ceilDiv, pow10, unitsAt, type Scaled } from "./rational.ts";

/** Beyond this a send amount is not a remittance; it also bounds the search. */
export const MAX_SEND_UNITS = 10n ** 15n;

/**
 * S(units) at the send currency's minor unit, or undefined when no amount up to the bound delivers.
 *
 * Within one fee band both what the recipient gets and what the sender pays are non-decreasing in
 * S (a fee's slope is below 100 %, and rounding it up moves it by at most one minor unit per minor
 * unit of S), so a band's cheapest delivering amount is its smallest, found by binary search.
 * Across bands either may fall ("free above 100"), so every band that could beat the best so far
 * is searched and the least payment wins.
 */
export function cheapestSendUnits(product: PricedProduct, target: Scaled): bigint | undefined {
  const plan = planFor(product, 0);
  const digits = plan.receiveDigits;
  // recipientGets is whole minor units: at least a finer target means at least its ceiling.
  const wanted = target.scale <= digits ? unitsAt(target, digits) : ceilDiv(target.units, pow10(target.scale - digits));
  const delivers = (s: bigint) => recipientGetsUnits(plan, s) >= wanted;
  const pays = (s: bigint) => senderPaysOf(plan, s, feeUnits(plan, s));
  let best: { send: bigint; pays: bigint } | undefined;
  let low = 1n;
  for (const band of plan.bands) {
    // The sender pays at least S: a band starting at or above the best payment cannot beat it.
    if (best !== undefined && low >= best.pays) break;
    const high = band.limit === undefined || band.limit > MAX_SEND_UNITS ? MAX_SEND_UNITS : band.limit;
    if (high >= low && delivers(high)) {
      let lo = low;
      let hi = high; // delivers(hi) holds
      while (lo < hi) {
        const mid = (lo + hi) / 2n;
        if (delivers(mid)) hi = mid;
        else lo = mid + 1n;
      }
      const paid = pays(hi);
      if (best === undefined || paid < best.pays) best = { send: hi, pays: paid };
    }
    low = high + 1n;
  }
  return best?.send;
}
