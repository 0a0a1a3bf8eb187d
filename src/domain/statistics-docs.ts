/**
 * @module
 * The precomputed documents a statistics request reads, one KV value each: a corridor's every
 * quarter, a quarter's every corridor, a quarter's global figures, and the list of quarters.
 * The global figures are a document of their own so that `GET /v1/stats/global` reads a value
 * whose size does not grow with the statistics of every corridor.
 */
import { comparePeriods } from "./period.ts";
import { surveyAmounts, type SurveyAmount } from "./observation.ts";
import { globalStats, type CorridorResult, type CorridorStats, type CorridorTallies, type GlobalStats } from "./statistics.ts";

export type ByAmount<T> = Record<`${SurveyAmount}`, T>;

/** A corridor's results in one quarter at both amounts, as computed by the statistics writer. */
export type CorridorPeriodResults = ByAmount<CorridorResult>;

/** What a quarter's global figures need of one corridor there, at one amount. */
export interface GlobalPart {
  services: number;
  tallies: CorridorTallies;
}

/**
 * A corridor-quarter as the statistics writer keeps it: the regulators' statistics already
 * serialised (documents are assembled from them without parsing them again) and the exact tallies
 * the global figures are built from.
 */
export interface StoredCorridorPeriod {
  statsJson: ByAmount<string>;
  global: ByAmount<GlobalPart>;
}

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
  amounts: ByAmount<{ corridors: CorridorStats[] }>;
}

export interface GlobalDoc {
  period: string;
  updatedAt: string;
  amounts: ByAmount<GlobalStats>;
}

export interface PeriodIndexDoc {
  updatedAt: string;
  /** Oldest first; the last is the latest. */
  periods: string[];
}

const amountKeys = surveyAmounts.map((a) => `${a}` as `${SurveyAmount}`);

const byAmount = <T>(make: (amount: SurveyAmount, key: `${SurveyAmount}`) => T): ByAmount<T> =>
  Object.fromEntries(surveyAmounts.map((a) => [`${a}`, make(a, `${a}`)])) as ByAmount<T>;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** A corridor-quarter's results in the form the statistics writer stores. */
export function storedCorridorPeriod(results: CorridorPeriodResults): StoredCorridorPeriod {
  return {
    statsJson: byAmount((_, k) => JSON.stringify(results[k].stats)),
    global: byAmount((_, k) => ({ services: results[k].stats.services, tallies: results[k].tallies })),
  };
}

const amountsJson = (statsJson: ByAmount<string>) => `{${amountKeys.map((k) => `"${k}":${statsJson[k]}`).join(",")}}`;

/** The JSON of a CorridorHistoryDoc, assembled from the stored statistics of each quarter. */
export function corridorHistoryJson(corridor: { id: string; from: string; to: string }, rows: { period: string; statsJson: ByAmount<string> }[], updatedAt: string): string {
  const periods = [...rows].sort((a, b) => comparePeriods(a.period, b.period)).map((r) => `{"period":${JSON.stringify(r.period)},"amounts":${amountsJson(r.statsJson)}}`);
  return `{"corridor":${JSON.stringify(corridor.id)},"from":${JSON.stringify(corridor.from)},"to":${JSON.stringify(corridor.to)},"updatedAt":${JSON.stringify(updatedAt)},"periods":[${periods.join(",")}]}`;
}

/** The JSON of a PeriodDoc: every corridor of the quarter, by id. */
export function periodDocJson(period: string, rows: { corridor: string; statsJson: ByAmount<string> }[], updatedAt: string): string {
  const sorted = [...rows].sort((a, b) => byId(a.corridor, b.corridor));
  const amounts = amountKeys.map((k) => `"${k}":{"corridors":[${sorted.map((r) => r.statsJson[k]).join(",")}]}`);
  return `{"period":${JSON.stringify(period)},"updatedAt":${JSON.stringify(updatedAt)},"amounts":{${amounts.join(",")}}}`;
}

export function globalDoc(
  period: string,
  rows: { corridor: string; from: string; to: string; global: ByAmount<GlobalPart>; flow: string | undefined }[],
  regionOf: (alpha3: string) => string,
  updatedAt: string,
): GlobalDoc {
  const sorted = [...rows].sort((a, b) => byId(a.corridor, b.corridor));
  return {
    period,
    updatedAt,
    amounts: byAmount((amount, k) =>
      globalStats(
        period,
        amount,
        sorted.map((r) => ({ result: { stats: { corridor: r.corridor, from: r.from, to: r.to, services: r.global[k].services }, tallies: r.global[k].tallies }, flow: r.flow })),
        regionOf,
      ),
    ),
  };
}

export { amountKeys };
