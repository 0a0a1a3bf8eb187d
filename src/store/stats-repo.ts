/**
 * @module
 * Reading the statistics documents: each request is one KV read (two when it must first learn the
 * latest quarter). Writing goes through the statistics ledger (stats-ledger.ts).
 */
import type { CorridorHistoryDoc, GlobalDoc, PeriodDoc, PeriodIndexDoc } from "../domain/statistics-docs.ts";
import { statsKeys } from "./keys.ts";

export interface StatsRepo {
  corridor(id: string): Promise<CorridorHistoryDoc | null>;
  period(period: string): Promise<PeriodDoc | null>;
  global(period: string): Promise<GlobalDoc | null>;
  /** The global figures at one amount as JSON text, as `GET /v1/stats/global` answers them. */
  globalAnswer(period: string, amount: string): Promise<string | null>;
  periods(): Promise<PeriodIndexDoc | null>;
}

export function kvStatsRepo(kv: KVNamespace): StatsRepo {
  return {
    corridor: (id) => kv.get<CorridorHistoryDoc>(statsKeys.corridor(id), "json"),
    period: (period) => kv.get<PeriodDoc>(statsKeys.period(period), "json"),
    global: (period) => kv.get<GlobalDoc>(statsKeys.global(period), "json"),
    globalAnswer: (period, amount) => kv.get(statsKeys.globalAnswer(period, amount), "text"),
    periods: () => kv.get<PeriodIndexDoc>(statsKeys.periods, "json"),
  };
}
