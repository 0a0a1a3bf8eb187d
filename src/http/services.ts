/**
 * @module
 * What a handler may use, built once per request from the bindings: repositories, the ledger of a
 * corridor, the clock and the settings. Handlers never reach into `c.env` for storage details.
 */
import { createMiddleware } from "hono/factory";
import type { Env } from "../env.ts";
import { kvAuditRepo, type AuditRepo } from "../store/audit-repo.ts";
import { kvCorridorsRepo, type CorridorsRepo } from "../store/corridors-repo.ts";
import { guardedKv } from "./guarded-kv.ts";
import { kvIdempotencyRepo, type IdempotencyRepo } from "../store/idempotency-repo.ts";
import { kvRatesRepo, type RatesRepo } from "../store/rates-repo.ts";
import { kvPartnerKeysRepo, type PartnerKeysRepo } from "../store/partner-keys-repo.ts";
import { kvTokensRepo, type TokensRepo } from "../store/tokens-repo.ts";
import type { Principal } from "../domain/principals.ts";
import { kvStatsRepo, type StatsRepo } from "../store/stats-repo.ts";
import { STATS_LEDGER_NAME, type StatsLedger } from "../store/stats-ledger.ts";
import { settingsOf, type Settings } from "../settings.ts";
import { ratesFeedOf, type RatesFeed } from "../store/rates-feed.ts";
import { alertsHubOf, type AlertsHub } from "../store/alerts-hub.ts";


export interface Services {
  corridors: CorridorsRepo;
  rates: RatesRepo;
  partnerKeys: PartnerKeysRepo;
  ledger: (corridorId: string) => DurableObjectStub<import("../store/corridor-ledger.ts").CorridorLedger>;
  tokens: TokensRepo;
  audit: AuditRepo;
  idempotency: IdempotencyRepo;
  now: () => Date;
  settings: Settings;
  stats: StatsRepo;
  /** The single writer of the statistics documents. */
  statsLedger: () => DurableObjectStub<StatsLedger>;
  /** The daily ECB fetch and its status. */
  ratesFeed: () => DurableObjectStub<RatesFeed>;
  /** Alert subscriptions and their delivery logs (docs/alerts.md). */
  alerts: () => DurableObjectStub<AlertsHub>;
}

/**
 * `principal` is set by admin-auth on every admin route; `showsSecret` by a handler whose answer
 * shows one (idempotency.ts); `owner` by alerts-owner on the alerts routes.
 */
export type AppEnv = { Bindings: Env; Variables: { services: Services; principal?: Principal; showsSecret?: true; owner?: string } };


export interface ServiceOptions {
  /** Wraps the KV binding the request's repositories read through: tests count operations with it. */
  wrapKv?: (kv: KVNamespace) => KVNamespace;
}

/**
 * How long a request may price with rates this isolate read earlier: comparisons then cost one KV
 * read, as the floor does, rather than two. Short beside KV's own 60 s of eventual consistency.
 */
const RATE_REUSE_MS = 5_000;

export function buildServices(env: Env, options: ServiceOptions = {}): Services {
  // A failing store answers 503 (or 429) with Retry-After, whichever repository met the failure.
  const kv = guardedKv(options.wrapKv ? options.wrapKv(env.KV) : env.KV);
  return {
    corridors: kvCorridorsRepo(kv),
    rates: kvRatesRepo(kv, { reuseForMs: RATE_REUSE_MS }),
    partnerKeys: kvPartnerKeysRepo(kv),
    tokens: kvTokensRepo(kv),
    audit: kvAuditRepo(kv),
    idempotency: kvIdempotencyRepo(kv),
    ledger: (id) => env.CORRIDOR_LEDGER.get(env.CORRIDOR_LEDGER.idFromName(id)),
    now: () => new Date(),
    settings: settingsOf(env),
    stats: kvStatsRepo(kv),
    statsLedger: () => statsLedgerOf(env),
    ratesFeed: () => ratesFeedOf(env),
    alerts: () => alertsHubOf(env.ALERTS_HUB),
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
