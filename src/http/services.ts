/**
 * @module
 * What a handler may use, built once per request from the bindings: repositories, the ledger of a
 * corridor, the clock and the settings. Handlers never reach into `c.env` for storage details.
 */
import { createMiddleware } from "hono/factory";
import type { Env } from "../env.ts";
import { kvCorridorsRepo, type CorridorsRepo } from "../store/corridors-repo.ts";
import { kvRatesRepo, type RatesRepo } from "../store/rates-repo.ts";
import { kvStatsRepo, type StatsRepo } from "../store/stats-repo.ts";
import { STATS_LEDGER_NAME, type StatsLedger } from "../store/stats-ledger.ts";

export interface Settings {
  staleAfterDays: number;
}

export interface Services {
  corridors: CorridorsRepo;
  rates: RatesRepo;
  ledger: (corridorId: string) => DurableObjectStub<import("../store/corridor-ledger.ts").CorridorLedger>;
  now: () => Date;
  settings: Settings;
  stats: StatsRepo;
  /** The single writer of the statistics documents. */
  statsLedger: () => DurableObjectStub<StatsLedger>;
}

export type AppEnv = { Bindings: Env; Variables: { services: Services } };

function wholeDays(raw: string | undefined, fallback: number): number {
  const n = raw === undefined || raw.trim() === "" ? NaN : Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : fallback;
}

export interface ServiceOptions {
  /** Wraps the KV binding the request's repositories read through: tests count operations with it. */
  wrapKv?: (kv: KVNamespace) => KVNamespace;
}

export function buildServices(env: Env, options: ServiceOptions = {}): Services {
  const kv = options.wrapKv ? options.wrapKv(env.KV) : env.KV;
  return {
    corridors: kvCorridorsRepo(kv),
    rates: kvRatesRepo(kv),
    ledger: (id) => env.CORRIDOR_LEDGER.get(env.CORRIDOR_LEDGER.idFromName(id)),
    now: () => new Date(),
    settings: { staleAfterDays: wholeDays(env.STALE_AFTER_DAYS, 30) },
    stats: kvStatsRepo(env.KV),
    statsLedger: () => statsLedgerOf(env),
  };
}

export function servicesWith(options: ServiceOptions = {}) {
  return createMiddleware<AppEnv>(async function services(c, next) {
    c.set("services", buildServices(c.env, options));
    await next();
  });
}

export const services = servicesWith();

/** One statistics ledger for the whole service: every aggregate write goes through it. */
export const statsLedgerOf = (env: Env) => env.STATS_LEDGER.get(env.STATS_LEDGER.idFromName(STATS_LEDGER_NAME));
