/**
 * @module
 * One attempt of the daily fetch: the ECB's reference rates from `ECB_DAILY_URL`, loaded as
 * `POST /v1/admin/imports/ecb` would. The cron hands the day to the rates feed
 * (store/rates-feed.ts), which calls this and retries it when it throws.
 */
import type { Env } from "./env.ts";
import { buildServices } from "./http/services.ts";
import { importEcb, type EcbImportReport } from "./import/ecb-import.ts";

/** An ECB that does not answer in this time is a failed attempt, not a hung one. */
const FETCH_TIMEOUT_MS = 30_000;

/**
 * `plannedAt` is when this attempt was planned (the cron's scheduled time, or a retry's): the file's
 * days are checked against it, never against a later clock, so no day after it can be imported.
 */
export async function refreshEcbRates(env: Env, plannedAt: Date, fetcher: typeof fetch = (input, init) => fetch(input, init)): Promise<EcbImportReport> {
  if (!env.ECB_DAILY_URL) throw new Error("ECB_DAILY_URL is not set: the scheduled ECB import has nowhere to fetch from");
  const res = await fetcher(env.ECB_DAILY_URL, { headers: { accept: "application/xml" }, signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`ECB daily rates: ${env.ECB_DAILY_URL} answered ${res.status}`);
  const services = buildServices(env);
  const outcome = await importEcb(await res.text(), services.statsLedger(), services.rates, plannedAt);
  if (!outcome.ok) throw new Error(`ECB daily rates: ${outcome.reason}`);
  return outcome.report;
}
