/**
 * @module
 * Quarters, the period of every RPW statistic: `2019Q4`, which RPW writes `2019_4Q`.
 */

export type Period = string;

export type PeriodResult = { ok: true; period: Period } | { ok: false; reason: string };

const CANONICAL = /^(\d{4})Q([1-9])$/i;
const RPW = /^(\d{4})_([1-9])Q$/i;

/** Reads `2019Q4` or `2019_4Q` (any case) into `2019Q4`; a quarter outside 1–4 is named as such. */
export function parsePeriod(raw: string): PeriodResult {
  const text = raw.trim();
  const match = CANONICAL.exec(text) ?? RPW.exec(text);
  if (!match) return { ok: false, reason: `period '${raw}' is not a quarter such as 2019Q4 (or RPW's 2019_4Q)` };
  const quarter = Number(match[2]);
  if (quarter > 4) return { ok: false, reason: `period '${raw}': a year has quarters 1 to 4, not ${quarter}` };
  return { ok: true, period: `${match[1]}Q${quarter}` };
}

/** The quarter a UTC instant falls in. */
export function quarterOf(at: Date): Period {
  return `${at.getUTCFullYear()}Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

/** Canonical periods sort as strings: `2019Q4` < `2020Q1`. */
export const comparePeriods = (a: Period, b: Period) => (a < b ? -1 : a > b ? 1 : 0);

/** How far ahead of this service's clock a sender's clock may be: a timestamp beyond it is in the future. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/** Whether an instant lies in the future of `now`, beyond the clock skew allowed. */
export const isFuture = (atMs: number, now: Date) => atMs > now.getTime() + CLOCK_SKEW_MS;

/** Whether a quarter is after the one `now` falls in: no statistic can describe it yet. */
export const isFuturePeriod = (period: Period, now: Date) => comparePeriods(period, quarterOf(now)) > 0;

/** The latest of (sorted) `periods` that is not after the current quarter. */
export function latestPeriod<P extends { period: Period } | Period>(periods: readonly P[], now: Date): P | undefined {
  for (let i = periods.length - 1; i >= 0; i--) {
    const p = periods[i]!;
    if (!isFuturePeriod(typeof p === "string" ? p : p.period, now)) return p;
  }
  return undefined;
}
