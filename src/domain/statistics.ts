/**
 * @module
 * RPW's aggregates (DESIGN.md section 2), as pure functions over observations: the corridor
 * average over transparent services, the median, SmaRT, averages by provider type, and the global
 * figures built from per-corridor sums so that a period's global statistics never re-read services.
 */
import { Decimal, formatPercent } from "./money.ts";
import type { AmountObservation, Observation, SurveyAmount } from "./observation.ts";
import { sdgVerdict, type SdgVerdict } from "./sdg.ts";

/** A running sum of total cost % and how many services it holds; exact decimal strings. */
export interface Tally {
  services: number;
  sum: string;
}

export interface CheapestService {
  firm: string;
  firmType: string;
  totalCostPercent: string;
}

export interface ProviderTypeStats {
  services: number;
  transparentServices: number;
  averageTotalCostPercent: string | null;
}

/** What a regulator reads for one corridor, quarter and amount. */
export interface CorridorStats {
  corridor: string;
  from: string;
  to: string;
  period: string;
  amountUsd: SurveyAmount;
  services: number;
  transparentServices: number;
  averageTotalCostPercent: string | null;
  medianTotalCostPercent: string | null;
  smartPercent: string | null;
  cheapest: CheapestService | null;
  byProviderType: Record<string, ProviderTypeStats>;
  sdg: SdgVerdict | null;
}

/** The exact figures behind CorridorStats that the global aggregates are built from. */
export interface CorridorTallies {
  transparent: Tally;
  byProviderType: Record<string, Tally>;
  /** SmaRT unrounded, or null with fewer than 3 eligible services. */
  smart: string | null;
}

export interface CorridorResult {
  stats: CorridorStats;
  tallies: CorridorTallies;
}

/** What the corridor statistics read of an observation. */
export type ServiceObservation = Pick<Observation, "firm" | "firmType" | "transparent" | "within5Days"> & {
  amounts: readonly Pick<AmountObservation, "amountUsd" | "totalCostPercent">[];
};

/** An observation reduced to what the corridor statistics read, for a writer to keep beside it. */
export const serviceOf = (o: Observation): ServiceObservation => ({
  firm: o.firm,
  firmType: o.firmType,
  transparent: o.transparent,
  within5Days: o.within5Days,
  amounts: o.amounts.map((a) => ({ amountUsd: a.amountUsd, totalCostPercent: a.totalCostPercent })),
});

const SMART_SERVICES = 3;

const mean = (tally: Tally): Decimal | null => (tally.services === 0 ? null : new Decimal(tally.sum).dividedBy(tally.services));
const percentOrNull = (d: Decimal | null) => (d === null ? null : formatPercent(d));

/** A tally while it is being summed: kept as a Decimal, written as a string once, at the end. */
interface RunningTally {
  services: number;
  sum: Decimal;
}

function add(tally: RunningTally | undefined, value: Decimal): RunningTally {
  if (!tally) return { services: 1, sum: value };
  tally.services++;
  tally.sum = tally.sum.plus(value);
  return tally;
}

const settled = (tally: RunningTally | undefined): Tally => (tally ? { services: tally.services, sum: tally.sum.toString() } : { services: 0, sum: "0" });

export function mergeTallies(a: Tally | undefined, b: Tally): Tally {
  return { services: (a?.services ?? 0) + b.services, sum: new Decimal(a?.sum ?? 0).plus(b.sum).toString() };
}

function median(sorted: Decimal[]): Decimal | null {
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : sorted[mid - 1]!.plus(sorted[mid]!).dividedBy(2);
}

/** The statistics of one corridor in one quarter at one amount, from its observations there. */
export function corridorStats(
  corridor: { id: string; from: string; to: string },
  period: string,
  amountUsd: SurveyAmount,
  observations: readonly ServiceObservation[],
): CorridorResult {
  const priced = observations.flatMap((o) => {
    const at = o.amounts.find((a) => a.amountUsd === amountUsd);
    return at ? [{ o, cost: new Decimal(at.totalCostPercent) }] : [];
  });
  // Non-transparent services hide their FX rate, so their recorded cost is the fee alone: RPW leaves them out.
  const transparent = priced.filter((p) => p.o.transparent).sort((a, b) => a.cost.comparedTo(b.cost) || (a.o.firm < b.o.firm ? -1 : 1));
  let running: RunningTally | undefined;
  for (const p of transparent) running = add(running, p.cost);
  const all = settled(running);

  const runningByType: Record<string, RunningTally> = {};
  const typeServices: Record<string, number> = {};
  for (const p of priced) typeServices[p.o.firmType] = (typeServices[p.o.firmType] ?? 0) + 1;
  for (const p of transparent) runningByType[p.o.firmType] = add(runningByType[p.o.firmType], p.cost);
  const typeTallies: Record<string, Tally> = {};
  const byProviderType: Record<string, ProviderTypeStats> = {};
  for (const type of Object.keys(typeServices).sort()) {
    const tally = settled(runningByType[type]);
    if (runningByType[type]) typeTallies[type] = tally;
    byProviderType[type] = { services: typeServices[type]!, transparentServices: tally.services, averageTotalCostPercent: percentOrNull(mean(tally)) };
  }

  const eligible = transparent.filter((p) => p.o.within5Days).slice(0, SMART_SERVICES);
  const smart = eligible.length < SMART_SERVICES ? null : eligible.reduce((s, p) => s.plus(p.cost), new Decimal(0)).dividedBy(SMART_SERVICES);
  const average = mean(all);
  const first = transparent[0];
  return {
    stats: {
      corridor: corridor.id,
      from: corridor.from,
      to: corridor.to,
      period,
      amountUsd,
      services: priced.length,
      transparentServices: transparent.length,
      averageTotalCostPercent: percentOrNull(average),
      medianTotalCostPercent: percentOrNull(median(transparent.map((p) => p.cost))),
      smartPercent: percentOrNull(smart),
      cheapest: first ? { firm: first.o.firm, firmType: first.o.firmType, totalCostPercent: formatPercent(first.cost) } : null,
      byProviderType,
      sdg: average === null ? null : sdgVerdict(average),
    },
    tallies: { transparent: all, byProviderType: typeTallies, smart: smart?.toString() ?? null },
  };
}

export interface GroupStats {
  corridors: number;
  transparentServices: number;
  averageTotalCostPercent: string | null;
}

export interface GlobalStats {
  period: string;
  amountUsd: SurveyAmount;
  corridors: number;
  services: number;
  transparentServices: number;
  /** Mean over every transparent service of every corridor, not a mean of corridor means. */
  globalAverageTotalCostPercent: string | null;
  /** Corridor averages weighted by remittance flows, over the corridors whose flow is known. */
  weightedAverageTotalCostPercent: string | null;
  weightedCorridors: number;
  /** Mean of the corridors' SmaRT values, over the corridors that have one. */
  globalSmartPercent: string | null;
  smartCorridors: number;
  byProviderType: Record<string, { transparentServices: number; averageTotalCostPercent: string | null }>;
  bySendingRegion: Record<string, GroupStats>;
  byReceivingRegion: Record<string, GroupStats>;
  corridorsAbove5Percent: { corridor: string; averageTotalCostPercent: string }[];
  sdg: SdgVerdict | null;
}

export interface GlobalInput {
  /** Of a corridor's result, what the global figures read: its identity, service count and tallies. */
  result: { stats: Pick<CorridorStats, "corridor" | "from" | "to" | "services">; tallies: CorridorTallies };
  /** Remittance flow of the corridor (any unit, e.g. USD millions), or undefined when unknown. */
  flow: string | undefined;
}

function groupStats(groups: Map<string, { corridors: number; tally: Tally }>): Record<string, GroupStats> {
  const out: Record<string, GroupStats> = {};
  for (const key of [...groups.keys()].sort()) {
    const g = groups.get(key)!;
    out[key] = { corridors: g.corridors, transparentServices: g.tally.services, averageTotalCostPercent: percentOrNull(mean(g.tally)) };
  }
  return out;
}

function addToGroup(groups: Map<string, { corridors: number; tally: Tally }>, key: string, tally: Tally) {
  const g = groups.get(key);
  groups.set(key, { corridors: (g?.corridors ?? 0) + 1, tally: mergeTallies(g?.tally, tally) });
}

/** A quarter's global figures from its corridors' results; `regionOf` names a country's region. */
export function globalStats(period: string, amountUsd: SurveyAmount, inputs: readonly GlobalInput[], regionOf: (alpha3: string) => string): GlobalStats {
  let all: Tally = { services: 0, sum: "0" };
  let services = 0;
  const types: Record<string, Tally> = {};
  const sending = new Map<string, { corridors: number; tally: Tally }>();
  const receiving = new Map<string, { corridors: number; tally: Tally }>();
  let weightedSum = new Decimal(0);
  let weights = new Decimal(0);
  let weightedCorridors = 0;
  let smartSum = new Decimal(0);
  let smartCorridors = 0;
  const above5: { corridor: string; averageTotalCostPercent: string }[] = [];

  for (const { result, flow } of inputs) {
    const { stats, tallies } = result;
    services += stats.services;
    all = mergeTallies(all, tallies.transparent);
    for (const [type, tally] of Object.entries(tallies.byProviderType)) types[type] = mergeTallies(types[type], tally);
    addToGroup(sending, regionOf(stats.from), tallies.transparent);
    addToGroup(receiving, regionOf(stats.to), tallies.transparent);
    const average = mean(tallies.transparent);
    if (average !== null && flow !== undefined && new Decimal(flow).greaterThan(0)) {
      weightedSum = weightedSum.plus(average.times(flow));
      weights = weights.plus(flow);
      weightedCorridors++;
    }
    if (tallies.smart !== null) {
      smartSum = smartSum.plus(tallies.smart);
      smartCorridors++;
    }
    if (average !== null && sdgVerdict(average) === "above_5") above5.push({ corridor: stats.corridor, averageTotalCostPercent: formatPercent(average) });
  }

  const globalAverage = mean(all);
  const byProviderType: GlobalStats["byProviderType"] = {};
  for (const type of Object.keys(types).sort()) byProviderType[type] = { transparentServices: types[type]!.services, averageTotalCostPercent: percentOrNull(mean(types[type]!)) };
  above5.sort((a, b) => (a.corridor < b.corridor ? -1 : 1));
  return {
    period,
    amountUsd,
    corridors: inputs.length,
    services,
    transparentServices: all.services,
    globalAverageTotalCostPercent: percentOrNull(globalAverage),
    weightedAverageTotalCostPercent: weightedCorridors === 0 ? null : formatPercent(weightedSum.dividedBy(weights)),
    weightedCorridors,
    globalSmartPercent: smartCorridors === 0 ? null : formatPercent(smartSum.dividedBy(smartCorridors)),
    smartCorridors,
    byProviderType,
    bySendingRegion: groupStats(sending),
    byReceivingRegion: groupStats(receiving),
    corridorsAbove5Percent: above5,
    sdg: globalAverage === null ? null : sdgVerdict(globalAverage),
  };
}
