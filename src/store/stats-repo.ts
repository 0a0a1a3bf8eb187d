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
  /** The global documents of many quarters, in their order: one KV operation per hundred. */
  globals(periods: readonly string[]): Promise<(GlobalDoc | null)[]>;
}

/** KV's bulk get takes at most 100 keys. */
const BULK = 100;

export function kvStatsRepo(kv: KVNamespace): StatsRepo {
  return {
    corridor: (id) => kv.get<CorridorHistoryDoc>(statsKeys.corridor(id), "json"),
    period: (period) => kv.get<PeriodDoc>(statsKeys.period(period), "json"),
    global: (period) => kv.get<GlobalDoc>(statsKeys.global(period), "json"),
    globalAnswer: (period, amount) => kv.get(statsKeys.globalAnswer(period, amount), "text"),
    periods: () => kv.get<PeriodIndexDoc>(statsKeys.periods, "json"),
    globals: async (periods) => {
      const docs: (GlobalDoc | null)[] = [];
      for (let i = 0; i < periods.length; i += BULK) {
        const keys = periods.slice(i, i + BULK).map(statsKeys.global);
        const found = await kv.get<GlobalDoc>(keys, "json");
        docs.push(...keys.map((k) => found.get(k) ?? null));
      }
      return docs;
    },
  };
}
