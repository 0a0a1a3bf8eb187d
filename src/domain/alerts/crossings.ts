/**
 * @module
 * When a line is crossed. Pure: the hub (src/store/alerts-hub.ts) keeps what was true before and
 * asks these rules what is new.
 */
import type { MidAgeLimits } from "../rate-freshness.ts";
import { compare, type CompareRequest, type QuoteView } from "../compare.ts";
import { summarize, type CorridorDoc } from "../corridor.ts";
import { Decimal, fitsMinorUnits } from "../money.ts";
import type { ResolvedMid } from "../reference-rates.ts";
import { SDG_CEILING_PERCENT, SDG_TARGET_PERCENT } from "../sdg.ts";

/** The SDG 10.c lines the statistics are read against, in percent. */
export const SDG_LINES = [String(SDG_TARGET_PERCENT), String(SDG_CEILING_PERCENT)];

export interface QuarterAverage {
  period: string;
  /** The published average total cost in percent, or null when the quarter has none. */
  average: string | null;
}

export interface Crossing {
  period: string;
  previousPeriod: string;
  line: string;
  direction: "above" | "below";
  average: string;
  previousAverage: string;
}

/**
 * Every line between two consecutive quarters' averages (`quarters` oldest first). "Above" means
 * strictly above the line; an average exactly on it counts as not above, as the SDG target reads
 * "not more than 3 %".
 */
export function thresholdCrossings(quarters: readonly QuarterAverage[]): Crossing[] {
  const out: Crossing[] = [];
  for (let i = 1; i < quarters.length; i++) {
    const prev = quarters[i - 1]!;
    const curr = quarters[i]!;
    if (prev.average === null || curr.average === null) continue;
    const before = new Decimal(prev.average);
    const after = new Decimal(curr.average);
    for (const line of SDG_LINES) {
      const wasAbove = before.greaterThan(line);
      const isAbove = after.greaterThan(line);
      if (wasAbove !== isAbove) {
        out.push({ period: curr.period, previousPeriod: prev.period, line, direction: isAbove ? "above" : "below", average: curr.average, previousAverage: prev.average });
      }
    }
  }
  return out;
}

export interface BelowRequest {
  amount: string;
  belowPercent: string;
  now: Date;
  staleAfterDays: number;
  excludeAfterDays: number;
  midAgeLimits?: MidAgeLimits;
}

/** What identifies an option across writes: its provider and product. */
export const optionKey = (q: Pick<QuoteView, "provider" | "product">) => `${q.provider.id}/${q.product}`;

/**
 * The corridor's options whose total cost, for the subscriber's amount in the main send currency of
 * `mainOf` (the corridor as it is now), is strictly below the subscriber's percent. Priced by the
 * comparison itself, so an alert always agrees with what `GET /v1/corridors/{corridor}/quotes?amount=…` shows.
 */
export function optionsBelow(doc: CorridorDoc, mids: ReadonlyMap<string, ResolvedMid | undefined>, req: BelowRequest, mainOf: CorridorDoc = doc): QuoteView[] {
  const sendCurrency = summarize(mainOf).sendCurrencies[0];
  if (!sendCurrency) return [];
  const amount = new Decimal(req.amount);
  if (!fitsMinorUnits(amount, sendCurrency)) return [];
  const request: CompareRequest = {
    question: "send",
    amount,
    sendCurrency,
    receiveCurrency: undefined,
    filters: {},
    sort: "total_cost",
    now: req.now,
    staleAfterDays: req.staleAfterDays,
    excludeAfterDays: req.excludeAfterDays,
    midAgeLimits: req.midAgeLimits,
  };
  return compare(doc, mids, request).quotes.filter((q) => new Decimal(q.totalCost.percent).lessThan(req.belowPercent));
}
