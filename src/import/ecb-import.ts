/**
 * @module
 * Loading ECB reference rates: every dated rate is kept by the statistics ledger (provider quotes
 * are priced at their own day's rate), and the newest day becomes the current EUR→X reference rate
 * that comparisons read, unless a newer one is already stored.
 */
import type { RatesRepo } from "../store/rates-repo.ts";
import { isFuture } from "../domain/period.ts";
import { parseEcbXml } from "./ecb-xml.ts";

export const ECB_SOURCE = "ECB euro foreign exchange reference rates";

export interface EcbImportReport {
  days: number;
  rates: number;
  latest: string;
  /** Currencies whose current reference rate this import set (none already held that day or a later one). */
  current: string[];
  skipped: string[];
}

export type EcbImportOutcome = { ok: true; report: EcbImportReport } | { ok: false; reason: string; field?: string };

export interface DatedRatesSink {
  addEcbRates(days: { date: string; rates: Record<string, string> }[]): Promise<number>;
}

/** The ECB fixes its rates at the 14:10 CET concertation of the reference day. */
export const asOfDate = (date: string) => `${date}T14:10:00+01:00`;

/** `now` is the clock the rates' days are checked against: the ECB cannot have fixed a day to come. */
export async function importEcb(xml: string, sink: DatedRatesSink, rates: RatesRepo, now: Date): Promise<EcbImportOutcome> {
  const parsed = parseEcbXml(xml);
  if (!parsed.ok) return parsed;
  // A rate dated ahead would stay the current one and block every later real import: refuse the file whole.
  const future = parsed.days.filter((d) => isFuture(Date.parse(asOfDate(d.date)), now)).map((d) => d.date);
  if (future.length > 0) return { ok: false, reason: `Cube time ${future[0]} is in the future: the ECB has not fixed rates for ${future.join(", ").slice(0, 200)} yet; nothing was imported`, field: "Cube.time" };
  const stored = await sink.addEcbRates(parsed.days);
  const latest = parsed.days.at(-1)!;
  const asOf = asOfDate(latest.date);
  const currencies = Object.keys(latest.rates).sort();
  const existing = await rates.stored(currencies.map((c) => ["EUR", c]));
  const current: string[] = [];
  for (const currency of currencies) {
    const before = existing.get(`EUR/${currency}`);
    // Loading an older file (the history) must not take the current rate back in time.
    if (before && Date.parse(before.asOf) >= Date.parse(asOf)) continue;
    await rates.put({ base: "EUR", quote: currency, rate: latest.rates[currency]!, asOf, source: ECB_SOURCE });
    current.push(currency);
  }
  return { ok: true, report: { days: parsed.days.length, rates: stored, latest: latest.date, current, skipped: parsed.skipped } };
}
