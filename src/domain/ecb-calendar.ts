/**
 * @module
 * The days the ECB publishes its euro reference rates: TARGET business days. On a weekend or a
 * TARGET holiday there are no rates to fetch, and their absence is not a failure.
 */
import { gregorianEaster } from "date-easter";

/** The UTC calendar date of an instant, `YYYY-MM-DD`. */
export const utcDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Easter Sunday of `year` (Gregorian). */
function easterSunday(year: number): number {
  const { month, day } = gregorianEaster(year);
  return Date.UTC(year, month - 1, day);
}

const DAY_MS = 86_400_000;

/** TARGET closing days other than weekends, by `MM-DD`, for a year. */
function targetHolidays(year: number): Map<string, string> {
  const easter = easterSunday(year);
  return new Map([
    ["01-01", "New Year's Day"],
    [utcDate(easter - 2 * DAY_MS).slice(5), "Good Friday"],
    [utcDate(easter + DAY_MS).slice(5), "Easter Monday"],
    ["05-01", "Labour Day"],
    ["12-25", "Christmas Day"],
    ["12-26", "Boxing Day"],
  ]);
}

/** Why the ECB publishes no rates on `date` (`YYYY-MM-DD`), or undefined on a TARGET business day. */
export function ecbClosedReason(date: string): string | undefined {
  const ms = Date.parse(`${date}T00:00:00Z`);
  const weekday = new Date(ms).getUTCDay();
  if (weekday === 0 || weekday === 6) return `${date} is a ${weekday === 0 ? "Sunday" : "Saturday"}: the ECB publishes no rates at weekends`;
  const holiday = targetHolidays(Number(date.slice(0, 4))).get(date.slice(5));
  return holiday ? `${date} is a TARGET holiday (${holiday}): the ECB publishes no rates` : undefined;
}
