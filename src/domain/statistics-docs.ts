/**
 * @module
 * The precomputed documents a statistics request reads, one KV value each: a corridor's every
 * quarter, a quarter's every corridor with its global figures, and the list of quarters.
 */
import { comparePeriods } from "./period.ts";
import { surveyAmounts, type SurveyAmount } from "./observation.ts";
import { globalStats, type CorridorResult, type CorridorStats, type GlobalStats } from "./statistics.ts";

export type ByAmount<T> = Record<`${SurveyAmount}`, T>;

/** A corridor's results in one quarter at both amounts, as kept by the statistics writer. */
export type CorridorPeriodResults = ByAmount<CorridorResult>;

export interface CorridorHistoryDoc {
  corridor: string;
  from: string;
  to: string;
  updatedAt: string;
  /** Oldest first. */
  periods: { period: string; amounts: ByAmount<CorridorStats> }[];
}

export interface PeriodDoc {
  period: string;
  updatedAt: string;
  amounts: ByAmount<{ global: GlobalStats; corridors: CorridorStats[] }>;
}

export interface PeriodIndexDoc {
  updatedAt: string;
  /** Oldest first; the last is the latest. */
  periods: string[];
}

const amountKeys = surveyAmounts.map((a) => `${a}` as `${SurveyAmount}`);

const byAmount = <T>(make: (amount: SurveyAmount, key: `${SurveyAmount}`) => T): ByAmount<T> =>
  Object.fromEntries(surveyAmounts.map((a) => [`${a}`, make(a, `${a}`)])) as ByAmount<T>;

export function corridorHistoryDoc(corridor: { id: string; from: string; to: string }, rows: { period: string; results: CorridorPeriodResults }[], updatedAt: string): CorridorHistoryDoc {
  const periods = [...rows]
    .sort((a, b) => comparePeriods(a.period, b.period))
    .map((r) => ({ period: r.period, amounts: byAmount((_, k) => r.results[k].stats) }));
  return { corridor: corridor.id, from: corridor.from, to: corridor.to, updatedAt, periods };
}

export function periodDoc(
  period: string,
  rows: { corridor: string; results: CorridorPeriodResults; flow: string | undefined }[],
  regionOf: (alpha3: string) => string,
  updatedAt: string,
): PeriodDoc {
  const sorted = [...rows].sort((a, b) => (a.corridor < b.corridor ? -1 : a.corridor > b.corridor ? 1 : 0));
  return {
    period,
    updatedAt,
    amounts: byAmount((amount, k) => ({
      global: globalStats(period, amount, sorted.map((r) => ({ result: r.results[k], flow: r.flow })), regionOf),
      corridors: sorted.map((r) => r.results[k].stats),
    })),
  };
}

export { amountKeys };
