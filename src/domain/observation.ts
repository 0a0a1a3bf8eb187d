/**
 * @module
 * One surveyed (or published) service in one corridor and quarter, priced at RPW's two amounts:
 * the equivalents of USD 200 ("cc1") and USD 500 ("cc2").
 */

export const surveyAmounts = [200, 500] as const;
export type SurveyAmount = (typeof surveyAmounts)[number];

/** A service's cost at one surveyed amount. Percentages are decimal strings. */
export interface AmountObservation {
  amountUsd: SurveyAmount;
  /** The local-currency equivalent of the USD amount that was priced. */
  sendAmount: string;
  sendCurrency: string;
  fee: string;
  /** As published (RPW stores 2 decimals): the value every average uses (DESIGN.md section 2). */
  totalCostPercent: string;
  fxMarginPercent: string;
  /** fee / amount × 100 + (M − R) / M × 100 from the row's own figures, when they allow it. */
  recomputedTotalCostPercent: string | null;
}

export interface Observation {
  /** Deterministic: the same row imported twice is the same observation, stored once. */
  id: string;
  period: string;
  corridor: string;
  from: string;
  to: string;
  firm: string;
  /** A provider-type slug: bank, mto, post_office, mobile_operator, non_bank_fi, digital, … */
  firmType: string;
  transparent: boolean;
  /** RPW's SmaRT counts only services that deliver within 5 days. */
  within5Days: boolean;
  source: "rpw" | "provider_api";
  amounts: AmountObservation[];
}

const FIRM_TYPES: Record<string, string> = {
  bank: "bank",
  "money transfer operator": "mto",
  mto: "mto",
  "post office": "post_office",
  post_office: "post_office",
  "mobile operator": "mobile_operator",
  mobile_operator: "mobile_operator",
  "non-bank fi": "non_bank_fi",
  digital: "digital",
  "digital-only": "digital",
};

/** RPW's firm type labels as the slugs the API uses; an unknown label keeps a slug of itself. */
export function firmTypeSlug(label: string): string {
  const key = label.trim().toLowerCase();
  return FIRM_TYPES[key] ?? (key.replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "") || "unknown");
}

const WITHIN_5_DAYS = new Set(["less than one hour", "less than 1 hour", "same day", "next day", "2 days", "3-5 days", "less_than_1_hour", "same_day", "next_day", "2_days", "3_5_days"]);

/** RPW's speed classes up to "3-5 days" count as delivering within 5 days. */
export function deliversWithin5Days(speed: string): boolean {
  return WITHIN_5_DAYS.has(speed.trim().toLowerCase());
}
