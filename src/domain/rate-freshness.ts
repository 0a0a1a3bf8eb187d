/**
 * @module
 * How old a mid-market reference rate may be when a price is measured against it. An FX margin
 * compares a provider's rate, observed at one moment, with the mid of that moment: what matters is
 * how much older the mid is than the price it is compared with. For a price observed now that is
 * simply the mid's age; a survey price from 2019 compared with the mid of its own day is not
 * measured against a stale mid, however long ago that day was.
 */

export interface MidAgeLimits {
  /** A mid more than this many whole days older than the price is flagged stale. */
  staleAfterDays: number;
  /** A mid more than this many whole days older than the price does not price it at all (0: no limit). */
  unusableAfterDays: number;
}

/** Four calendar days cover a long weekend of ECB silence; two weeks of silence is an outage. */
export const DEFAULT_MID_AGE_LIMITS: MidAgeLimits = { staleAfterDays: 4, unusableAfterDays: 14 };

const DAY_MS = 86_400_000;

/** Whole days from `fromMs` to `toMs` (0 when `toMs` is not later). */
export function wholeDaysBetween(fromMs: number, toMs: number): number {
  return Math.max(0, Math.floor((toMs - fromMs) / DAY_MS));
}

/**
 * Whole days by which the mid is older than the price observed at `observedMs` (a currency against
 * itself never ages). It depends on the two dates alone, not on the clock: a comparison's answer
 * changes with the clock only through the quotes' own ages, which its entity tag covers.
 */
export function midLagDays(mid: { base: string; quote: string; asOf: string }, observedMs: number): number {
  if (mid.base === mid.quote) return 0;
  return wholeDaysBetween(Date.parse(mid.asOf), observedMs);
}

export type MidFreshness = "fresh" | "stale" | "unusable";

export function midFreshness(lagDays: number, limits: MidAgeLimits): MidFreshness {
  if (limits.unusableAfterDays > 0 && lagDays > limits.unusableAfterDays) return "unusable";
  return lagDays > limits.staleAfterDays ? "stale" : "fresh";
}

/**
 * Whether a mid may price a price observed at `observedMs`, and how far it lags it: the one decision
 * the comparison and the statistics both take, so a price one refuses the other never counts.
 */
export function judgeMid(mid: { base: string; quote: string; asOf: string }, observedMs: number, limits: MidAgeLimits): { lagDays: number; freshness: MidFreshness } {
  const lagDays = midLagDays(mid, observedMs);
  return { lagDays, freshness: midFreshness(lagDays, limits) };
}

/**
 * Why the service is degraded when the newest rates its feed brought in (as of `asOf`) are stale
 * today, or undefined while they are not.
 */
export function staleFeedReason(what: string, asOf: string, now: Date, limits: MidAgeLimits): string | undefined {
  const age = wholeDaysBetween(Date.parse(asOf), now.getTime());
  return age > limits.staleAfterDays ? `${what} are ${age} days old (as of ${asOf}), more than ${limits.staleAfterDays}: comparisons flag or leave out the prices they measure` : undefined;
}

/** Why a product is left unpriced when its mid is too old. */
export function unusableMidReason(pair: string, asOf: string, lagDays: number, limits: MidAgeLimits): string {
  return `the mid-market reference rate for ${pair} (as of ${asOf}) is ${lagDays} days older than the price, more than ${limits.unusableAfterDays}: not used to price`;
}

/**
 * Of several candidate rates, the one dated closest to `priceAt`, the newest price it will measure
 * (without it: the most recent); of equally close ones, the first listed (the caller lists them in
 * its order of preference). For prices observed today that is the most recent rate; for a survey
 * of 2019 it is the rate of the survey's day, not a later one.
 */
export function freshestOf<T extends { asOf: string }>(candidates: readonly (T | undefined)[], priceAt?: number): T | undefined {
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    if (c === undefined) continue;
    const asOf = Date.parse(c.asOf);
    const distance = priceAt === undefined ? -asOf : Math.abs(priceAt - asOf);
    if (best === undefined || distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
}
