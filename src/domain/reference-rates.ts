/**
 * @module
 * Mid-market reference rates and how a pair's rate is found: set directly, the inverse of the
 * opposite pair, or crossed through the euro (the ECB publishes every rate against EUR).
 */
import { Decimal } from "./money.ts";

export interface ReferenceRate {
  base: string;
  quote: string;
  /** Units of `quote` per 1 unit of `base`, as a decimal string. */
  rate: string;
  asOf: string;
  source: string;
}

export interface ResolvedMid {
  base: string;
  quote: string;
  rate: Decimal;
  asOf: string;
  source: string;
  derivation: "direct" | "inverse" | "cross_eur";
}

export type RateLookup = (base: string, quote: string) => ReferenceRate | undefined;

const PIVOT = "EUR";

/** The pairs whose stored rates could give `base`→`quote`, for fetching them in one read. */
export function candidatePairs(base: string, quote: string): [string, string][] {
  return [
    [base, quote],
    [quote, base],
    [PIVOT, base],
    [PIVOT, quote],
  ];
}

const older = (a: string, b: string) => (a < b ? a : b);

export function resolveMid(base: string, quote: string, lookup: RateLookup): ResolvedMid | undefined {
  if (base === quote) return { base, quote, rate: new Decimal(1), asOf: "1970-01-01T00:00:00Z", source: "identity", derivation: "direct" };
  const direct = lookup(base, quote);
  if (direct) return { base, quote, rate: new Decimal(direct.rate), asOf: direct.asOf, source: direct.source, derivation: "direct" };
  const inverse = lookup(quote, base);
  if (inverse) {
    return { base, quote, rate: new Decimal(1).dividedBy(inverse.rate), asOf: inverse.asOf, source: inverse.source, derivation: "inverse" };
  }
  const pivotBase = base === PIVOT ? undefined : lookup(PIVOT, base);
  const pivotQuote = quote === PIVOT ? undefined : lookup(PIVOT, quote);
  if (pivotBase && pivotQuote) {
    return {
      base,
      quote,
      rate: new Decimal(pivotQuote.rate).dividedBy(pivotBase.rate),
      asOf: older(pivotBase.asOf, pivotQuote.asOf),
      source: pivotBase.source === pivotQuote.source ? pivotBase.source : `${pivotBase.source}; ${pivotQuote.source}`,
      derivation: "cross_eur",
    };
  }
  return undefined;
}
