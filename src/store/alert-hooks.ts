/**
 * @module
 * Where the rest of the service tells the alerts hub what happened: one call from each writer.
 * A failure is logged, not thrown: the write or publish it follows is already kept, and must not
 * fail because alerts could not follow.
 */
import type { QuoteStaleData } from "../domain/alerts/events.ts";
import type { QuarterAverage } from "../domain/alerts/crossings.ts";
import { ageInDays, isStaleQuote } from "../domain/compare.ts";
import type { CorridorDoc } from "../domain/corridor.ts";
import { comparePeriods } from "../domain/period.ts";
import type { Env } from "../env.ts";
import { settingsOf } from "../settings.ts";
import { kvCorridorsRepo } from "./corridors-repo.ts";
import { alertsHubOf, type AlertsHub } from "./alerts-hub.ts";

export interface AlertsEnv {
  ALERTS_HUB?: DurableObjectNamespace<AlertsHub>;
}

/** The statistics' survey amount the SDG 10.c indicator is read at. */
const INDICATOR_AMOUNT = "200";

async function quietly(what: string, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (err) {
    console.error(`alerts: ${what} failed`, err);
  }
}

/** From the corridor's ledger, after provider `providerId`'s write changed the corridor from `before` to `after`. */
export async function alertOnQuoteWrite(env: AlertsEnv, before: CorridorDoc, after: CorridorDoc, providerId: string): Promise<void> {
  const ns = env.ALERTS_HUB;
  if (ns) await quietly(`quote write in ${after.id}`, () => alertsHubOf(ns).quoteWritten(before, after, providerId));
}

/**
 * From the statistics ledger, after a publish wrote the documents in `published` to KV: each
 * quarter published, and each republished corridor's quarterly averages (read from the ledger's
 * `cp_stats` table) for the threshold rules.
 */
export async function alertOnStatisticsPublish(env: AlertsEnv, sql: SqlStorage, published: { kind: string; key: string }[]): Promise<void> {
  const ns = env.ALERTS_HUB;
  if (!ns || published.length === 0) return;
  await quietly("statistics publish", async () => {
    const changed = published.filter((d) => d.kind === "corridor").map((d) => d.key);
    const periods = published
      .filter((d) => d.kind === "period")
      .map((d) => {
        const present = new Set(sql.exec<{ corridor: string }>("SELECT corridor FROM cp_stats WHERE period = ?", d.key).toArray().map((r) => r.corridor));
        return { period: d.key, corridors: changed.filter((c) => present.has(c)) };
      });
    const corridors = changed.map((corridor) => ({
      corridor,
      // SQLite reads the one field out of the stored statistics (CorridorStats' averageTotalCostPercent).
      quarters: sql
        .exec<{ period: string; average: string | null }>(`SELECT period, json_extract(s${INDICATOR_AMOUNT}, '$.averageTotalCostPercent') AS average FROM cp_stats WHERE corridor = ?`, corridor)
        .toArray()
        .sort((a, b) => comparePeriods(a.period, b.period))
        .map((r): QuarterAverage => ({ period: r.period, average: r.average })),
    }));
    await alertsHubOf(ns).statisticsPublished(periods, corridors, INDICATOR_AMOUNT);
  });
}

/** From the scheduled handler: every quote past STALE_AFTER_DAYS (the hub announces each once). */
export async function alertOnStaleQuotes(env: Env): Promise<void> {
  const ns = env.ALERTS_HUB;
  if (!ns) return;
  await quietly("stale quotes", async () => {
    const corridors = kvCorridorsRepo(env.KV);
    const settings = settingsOf(env);
    const at = new Date();
    const stale: QuoteStaleData[] = [];
    for (const summary of await corridors.list()) {
      const doc = await corridors.get(summary.id);
      for (const entry of doc?.providers ?? []) {
        for (const p of entry.products) {
          const ageDays = ageInDays(Date.parse(p.observedAt), at);
          if (!isStaleQuote(ageDays, settings.staleAfterDays)) continue;
          stale.push({ corridor: doc!.id, provider: { id: entry.id, name: entry.provider.name, type: entry.provider.type }, product: p.id, observedAt: p.observedAt, ageDays, staleAfterDays: settings.staleAfterDays });
        }
      }
    }
    await alertsHubOf(ns).staleQuotes(stale);
  });
}
