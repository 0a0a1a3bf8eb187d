/**
 * @module
 * A published quote as an RPW observation: the provider's product priced at the send-currency
 * equivalents of USD 200 and USD 500, converted at its day's reference rates.
 */
import type { ProviderEntry } from "./corridor.ts";
import type { CorridorId } from "./countries.ts";
import { Decimal, digitsOf } from "./money.ts";
import { planFor, price, pricedProduct, shown } from "./pricing.ts";
import { divideFractions, fractionOf, halfEvenDiv, ONE, pow10, scaledOf, type Fraction } from "./rational.ts";
import { deliversWithin5Days, firmTypeSlug, surveyAmounts, type AmountObservation, type Observation } from "./observation.ts";
import { quarterOf } from "./period.ts";
import { judgeMid, unusableMidReason, type MidAgeLimits } from "./rate-freshness.ts";
import type { ProductInput } from "./schemas.ts";

/** A mid rate (units of `quote` per 1 `base`, exactly) and the instant it is the rate of. */
export interface DatedMid {
  rate: Fraction;
  asOf: string;
}

/** Mid rates of one day, or undefined for a pair that day has none. */
export type DayMid = (base: string, quote: string) => DatedMid | undefined;

/** Rates of one day (as of `asOf`) against EUR (the ECB's form) as mid rates between any two of its currencies. */
export function midFromEurRates(perEur: Record<string, string>, asOf: string): DayMid {
  const eurTo = (c: string) => (c === "EUR" ? ONE : perEur[c] ? fractionOf(scaledOf(perEur[c]!)) : undefined);
  return (base, quote) => {
    const b = eurTo(base);
    const q = eurTo(quote);
    return b && q ? { rate: divideFractions(q, b), asOf } : undefined;
  };
}

/**
 * Whether a published product is an observation in its own right: a sample price was never
 * observed, and a price republished from a survey is that survey's observation, which the
 * statistics hold from the survey's own rows (counting the quote too would count it twice).
 */
export function isOwnObservation(product: ProductInput): boolean {
  return !product.sample && product.republishedFrom === undefined;
}

/** The id of a product's observation: the latest quote of a product in a quarter stands for it (one service, one observation). */
export function quoteObservationId(corridor: CorridorId, entry: ProviderEntry, product: ProductInput): string {
  return `api:${corridor.id}:${entry.id}:${product.id}:${quarterOf(new Date(product.observedAt))}`;
}

/** One product's observation in the quarter of its `observedAt`, or why it cannot be one. */
export function quoteObservation(
  corridor: CorridorId,
  entry: ProviderEntry,
  product: ProductInput,
  mid: DayMid,
  limits: MidAgeLimits,
): { ok: true; observation: Observation } | { ok: false; reason: string } {
  const { sendCurrency, receiveCurrency } = product;
  const rate = (base: string, quote: string) => (base === quote ? { rate: ONE, asOf: product.observedAt } : mid(base, quote));
  const usd = rate("USD", sendCurrency);
  const fx = rate(sendCurrency, receiveCurrency);
  if (!usd || !fx) return { ok: false, reason: `no reference rate for USD→${sendCurrency} or ${sendCurrency}→${receiveCurrency} on ${product.observedAt.slice(0, 10)}` };
  // The mid the margin is measured against: one the comparison refuses to price this quote with
  // does not price its observation either. (The USD rate only sets the amounts surveyed.)
  const { lagDays, freshness } = judgeMid({ base: sendCurrency, quote: receiveCurrency, asOf: fx.asOf }, Date.parse(product.observedAt), limits);
  if (freshness === "unusable") return { ok: false, reason: unusableMidReason(`${sendCurrency}/${receiveCurrency}`, fx.asOf, lagDays, limits) };
  const usdRate = usd.rate;
  const fxMid = fx.rate;
  const plan = planFor(pricedProduct(product), 0);
  const digits = digitsOf(sendCurrency);
  // The amounts a sender would actually send: the USD equivalents in whole minor units.
  const sendUnits = surveyAmounts.map((amountUsd) => halfEvenDiv(usdRate.num * BigInt(amountUsd) * pow10(digits), usdRate.den));
  if (sendUnits.some((u) => u <= 0n)) return { ok: false, reason: `USD ${surveyAmounts.join(" and ")} are not a whole minor unit of ${sendCurrency}` };
  const amounts: AmountObservation[] = surveyAmounts.map((amountUsd, i) => {
    const units = sendUnits[i]!;
    const sendAmount = new Decimal(units.toString()).dividedBy(pow10(digits).toString());
    const figures = shown(price(plan, units, fxMid));
    const total = figures.percent;
    return { amountUsd, sendAmount: sendAmount.toString(), sendCurrency, fee: new Decimal(figures.fee).toString(), totalCostPercent: total, fxMarginPercent: figures.fxMarginPercent, recomputedTotalCostPercent: total };
  });
  const period = quarterOf(new Date(product.observedAt));
  return {
    ok: true,
    observation: {
      id: quoteObservationId(corridor, entry, product),
      period,
      corridor: corridor.id,
      from: corridor.from,
      to: corridor.to,
      firm: entry.provider.name,
      firmType: firmTypeSlug(entry.provider.type),
      transparent: product.transparent,
      within5Days: deliversWithin5Days(product.speed),
      source: "provider_api",
      amounts,
    },
  };
}
