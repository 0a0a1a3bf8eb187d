/**
 * @module
 * The SDG 10.c verdict: below 3 % meets the target; above 5 % is a corridor the target says must go.
 *
 * The verdict is taken on the percent as shown (4 decimals, half to even), so it never contradicts
 * the figure beside it: a shown 3.0000 is "3_to_5" even when the exact percent is 2.99996, and a
 * shown 5.0000 is "3_to_5" even when it is 5.00004.
 */
import { Decimal } from "./money.ts";
import { SDG_CEILING_PERCENT, SDG_TARGET_PERCENT } from "./sdg-lines.ts";

export const sdgVerdicts = ["below_3", "3_to_5", "above_5"] as const;

export { SDG_CEILING_PERCENT, SDG_TARGET_PERCENT };
const TARGET = BigInt(SDG_TARGET_PERCENT * 10_000);
const CEILING = BigInt(SDG_CEILING_PERCENT * 10_000);
export type SdgVerdict = (typeof sdgVerdicts)[number];

/** The verdict on a shown percent given in ten-thousandths (3.0000 % is 30000). */
export function verdictOfShownPercent(tenThousandths: bigint): SdgVerdict {
  return tenThousandths < TARGET ? "below_3" : tenThousandths > CEILING ? "above_5" : "3_to_5";
}

/** "less than 3 per cent" and "costs higher than 5 per cent", on the percent rounded as shown. */
export function sdgVerdict(totalCostPercent: Decimal): SdgVerdict {
  return verdictOfShownPercent(BigInt(totalCostPercent.times(10_000).toDecimalPlaces(0, Decimal.ROUND_HALF_EVEN).toFixed(0)));
}
