/**
 * @module
 * Filters and orders evaluated products, as a migrant asks: most money home first, or cheapest,
 * or fastest.
 */
import type { Evaluation } from "./cost.ts";
import { divide } from "./exact-division.ts";
import type { Decimal } from "./money.ts";
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
  evaluation: Evaluation;
  /** Mid-market rate of the product's currency pair: values what the recipient gets in send units. */
  mid: Decimal;
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

const recipientValues = new WeakMap<Rankable, Decimal>();

/**
 * What the recipient gets valued at mid in send-currency units: comparable across currencies.
 * Worked out once per item, not once per comparison the sort makes (a division each).
 */
function recipientValue(item: Rankable): Decimal {
  let value = recipientValues.get(item);
  if (value === undefined) recipientValues.set(item, (value = divide(item.evaluation.recipientGets, item.mid)));
  return value;
}

/**
 * Asking "I send S", every sender pays about the same, so the best is what arrives; asking "they
 * must get T", every recipient gets about the same, so the best is what the sender pays.
 */
export type Question = "send" | "receive";

function mostHome(question: Question): (a: Rankable, b: Rankable) => number {
  return question === "send"
    ? (a, b) => recipientValue(b).comparedTo(recipientValue(a)) || a.evaluation.senderPays.comparedTo(b.evaluation.senderPays)
    : (a, b) => a.evaluation.senderPays.comparedTo(b.evaluation.senderPays) || recipientValue(b).comparedTo(recipientValue(a));
}

const byCost = (a: Rankable, b: Rankable) => a.evaluation.totalCostPercent.comparedTo(b.evaluation.totalCostPercent);

const byIds = (a: Rankable, b: Rankable) =>
  a.providerId === b.providerId ? (a.productId < b.productId ? -1 : a.productId > b.productId ? 1 : 0) : a.providerId < b.providerId ? -1 : 1;

function comparator(sort: SortOrder, question: Question): (a: Rankable, b: Rankable) => number {
  const best = mostHome(question);
  if (sort === "total_cost") return byCost;
  if (sort === "speed") return (a, b) => speedRank(a.speed) - speedRank(b.speed) || best(a, b);
  return best;
}

/** A stable order: ties fall back to total cost, then to provider and product ids. */
export function rank<T extends Rankable>(items: readonly T[], filters: Filters, sort: SortOrder, question: Question): T[] {
  const primary = comparator(sort, question);
  return items.filter((i) => matches(i, filters)).sort((a, b) => primary(a, b) || byCost(a, b) || byIds(a, b));
}
