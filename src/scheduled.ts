/**
 * @module
 * The cron trigger: fetches the ECB's daily reference rates from `ECB_DAILY_URL` and loads them
 * as `POST /v1/admin/imports/ecb` would.
 */
import type { Env } from "./env.ts";
import { buildServices } from "./http/services.ts";
import { importEcb, type EcbImportReport } from "./import/ecb-import.ts";

export async function refreshEcbRates(env: Env, fetcher: typeof fetch = (input, init) => fetch(input, init)): Promise<EcbImportReport> {
  if (!env.ECB_DAILY_URL) throw new Error("ECB_DAILY_URL is not set: the scheduled ECB import has nowhere to fetch from");
  const res = await fetcher(env.ECB_DAILY_URL, { headers: { accept: "application/xml" } });
  if (!res.ok) throw new Error(`ECB daily rates: ${env.ECB_DAILY_URL} answered ${res.status}`);
  const services = buildServices(env);
  const outcome = await importEcb(await res.text(), services.statsLedger(), services.rates, services.now());
  if (!outcome.ok) throw new Error(`ECB daily rates: ${outcome.reason}`);
  return outcome.report;
}
