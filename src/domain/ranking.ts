/**
 * @module
 * Filters and orders evaluated products, as a migrant asks: most money home for what is paid
 * first, or cheapest, or fastest.
 */
import { compareFractions, divideFractions, type Fraction } from "./rational.ts";
import { speeds, type PayIn, type PayOut, type ProviderType, type Speed } from "./schemas.ts";

export const sortOrders = ["recipient_gets", "total_cost", "speed"] as const;
export type SortOrder = (typeof sortOrders)[number];

export interface Filters {
  payIn?: PayIn;
  payOut?: PayOut;
  maxSpeed?: Speed;
  providerType?: ProviderType;
}

export interface Rankable {
  providerId: string;
  productId: string;
  providerType: ProviderType;
  payIn: PayIn;
  payOut: PayOut;
  speed: Speed;
  /** What the recipient gets valued at mid, in send-currency units: comparable across currencies. */
  homeValue: Fraction;
  senderPays: Fraction;
  costPercent: Fraction;
}

export function speedRank(speed: Speed): number {
  return speeds.indexOf(speed);
}

export function matches(item: Rankable, f: Filters): boolean {
  return (
    (f.payIn === undefined || item.payIn === f.payIn) &&
    (f.payOut === undefined || item.payOut === f.payOut) &&
    (f.providerType === undefined || item.providerType === f.providerType) &&
    (f.maxSpeed === undefined || speedRank(item.speed) <= speedRank(f.maxSpeed))
  );
}

/**
 * Asking "I send S", senders pay S plus whatever fee a provider charges on top (RPW's KEN-UGA
 * survey has 2,200 KES on 18,000), so the best is the most delivered for each unit paid: ranking
 * by what arrives alone put a dear option that converts the whole S above a cheap one that takes
 * its fee out of S. Asking "they must get T", every recipient gets about the same, so the best is
 * what the sender pays.
 */
export type Question = "send" | "receive";

type Compare = (a: Rankable, b: Rankable) => number;

function mostHome(question: Question, perUnitPaid: (r: Rankable) => Fraction): Compare {
  return question === "send"
    ? (a, b) => compareFractions(perUnitPaid(b), perUnitPaid(a)) || compareFractions(b.homeValue, a.homeValue)
    : (a, b) => compareFractions(a.senderPays, b.senderPays) || compareFractions(b.homeValue, a.homeValue);
}

const byCost: Compare = (a, b) => compareFractions(a.costPercent, b.costPercent);

const byIds: Compare = (a, b) =>
  a.providerId === b.providerId ? (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0) : a.providerId < b.providerId ? -1 : 1;

function comparator(sort: SortOrder, best: Compare): Compare {
  if (sort === "total_cost") return byCost;
  if (sort === "speed") return (a, b) => speedRank(a.speed) - speedRank(b.speed) || best(a, b);
  return best;
}

/** A stable order: ties fall back to total cost, then to provider and product ids. */
export function rank<T extends Rankable>(items: readonly T[], filters: Filters, sort: SortOrder, question: Question): T[] {
  // Each item's ratio is divided out once, when a comparison first needs it, not at every comparison.
  const ratios = new Map<Rankable, Fraction>();
  const perUnitPaid = (r: Rankable) => {
    let ratio = ratios.get(r);
    if (!ratio) ratios.set(r, (ratio = divideFractions(r.homeValue, r.senderPays)));
    return ratio;
  };
  const primary = comparator(sort, mostHome(question, perUnitPaid));
  return items.filter((i) => matches(i, filters)).sort((a, b) => primary(a, b) || byCost(a, b) || byIds(a, b));
}
