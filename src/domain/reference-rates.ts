/**
 * @module
 * Mid-market reference rates and how a pair's rate is found: set directly, the inverse of the
 * opposite pair, or crossed through the euro (the ECB publishes every rate against EUR).
 */
import { Decimal } from "./money.ts";
import { freshestOf } from "./rate-freshness.ts";
import { divideFractions, fractionOf, ONE, scaledOf, significantText, type Fraction } from "./rational.ts";

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
  /** Units of `quote` per 1 `base`, exactly: a derived mid is a ratio of stored rates, never rounded. */
  rate: Fraction;
  /** The rate as shown: a stored rate as stored, a derived one to 10 significant digits. */
  shown: string;
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

const older = (a: string, b: string) => (Date.parse(a) <= Date.parse(b) ? a : b);

const exact = (rate: string) => fractionOf(scaledOf(rate));
/** A stored rate as shown, as decimal.js writes it ("0.02470" is "0.0247"). */
const storedText = (rate: string) => new Decimal(rate).toString();
/** How many significant digits a derived mid is shown with. */
export const DERIVED_MID_DIGITS = 10;

/**
 * The one place a pair's mid is chosen among the stored rates: the freshest of the direct, inverse
 * and EUR-cross rates (a cross is as old as its older leg), seen from `priceAt`, the newest price
 * the mid will measure (freshestOf): a stale direct rate must not hide a fresh cross. Equally
 * recent ones keep that order. The rate is kept as an exact fraction; a derived one is shown to
 * DERIVED_MID_DIGITS significant digits.
 */
export function resolveMid(base: string, quote: string, lookup: RateLookup, priceAt?: number): ResolvedMid | undefined {
  if (base === quote) return { base, quote, rate: ONE, shown: "1", asOf: "1970-01-01T00:00:00Z", source: "identity", derivation: "direct" };
  const direct = lookup(base, quote);
  const inverse = lookup(quote, base);
  const pivotBase = base === PIVOT ? undefined : lookup(PIVOT, base);
  const pivotQuote = quote === PIVOT ? undefined : lookup(PIVOT, quote);
  const chosen = freshestOf([
    direct && { asOf: direct.asOf, derivation: "direct" as const },
    inverse && { asOf: inverse.asOf, derivation: "inverse" as const },
    pivotBase && pivotQuote && { asOf: older(pivotBase.asOf, pivotQuote.asOf), derivation: "cross_eur" as const },
  ], priceAt);
  switch (chosen?.derivation) {
    case "direct":
      return { base, quote, rate: exact(direct!.rate), shown: storedText(direct!.rate), asOf: direct!.asOf, source: direct!.source, derivation: "direct" };
    case "inverse": {
      const rate = divideFractions(ONE, exact(inverse!.rate));
      return { base, quote, rate, shown: significantText(rate, DERIVED_MID_DIGITS), asOf: inverse!.asOf, source: inverse!.source, derivation: "inverse" };
    }
    case "cross_eur": {
      const rate = divideFractions(exact(pivotQuote!.rate), exact(pivotBase!.rate));
      return {
        base,
        quote,
        rate,
        shown: significantText(rate, DERIVED_MID_DIGITS),
        asOf: chosen.asOf,
        source: pivotBase!.source === pivotQuote!.source ? pivotBase!.source : `${pivotBase!.source}; ${pivotQuote!.source}`,
        derivation: "cross_eur",
      };
    }
    default:
      return undefined;
  }
}
