/**
 * @module
 * The SDG 10.c verdict: below 3 % meets the target; above 5 % is a corridor the target says must go.
 */
import { Decimal } from "./money.ts";

export const sdgVerdicts = ["below_3", "3_to_5", "above_5"] as const;
export type SdgVerdict = (typeof sdgVerdicts)[number];

const THREE = new Decimal(3);
const FIVE = new Decimal(5);

/** "less than 3 per cent" and "costs higher than 5 per cent": 3 and 5 themselves fall in between. */
export function sdgVerdict(totalCostPercent: Decimal): SdgVerdict {
  if (totalCostPercent.lessThan(THREE)) return "below_3";
  if (totalCostPercent.greaterThan(FIVE)) return "above_5";
  return "3_to_5";
}
