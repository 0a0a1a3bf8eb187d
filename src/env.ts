/**
 * @module
 * The Worker's bindings and settings (wrangler.toml, secrets in .dev.vars or `wrangler secret`).
 */
import type { CorridorLedger } from "./store/corridor-ledger.ts";
import type { StatsLedger } from "./store/stats-ledger.ts";
import type { AlertsHub, DeliveryMessage } from "./store/alerts-hub.ts";

export interface Env {
  KV: KVNamespace;
  CORRIDOR_LEDGER: DurableObjectNamespace<CorridorLedger>;
  /** Bearer token of the operator: every admin route. */
  ADMIN_TOKEN: string;
  /** Days after which a quote is flagged stale (default 30). */
  STALE_AFTER_DAYS?: string;
  /** Requests per period for a partner's `X-Api-Key` (wrangler.toml [[ratelimits]]). */
  PARTNER_LIMITER?: RateLimit;
  /** Requests per period for one client address without a key. */
  ADDRESS_LIMITER?: RateLimit;
  /** The period of both limiters, in seconds: the Retry-After of a 429. */
  RATE_LIMIT_PERIOD_SECONDS?: string;
  /** The embed page's CSP `frame-ancestors` sources: who may frame /embed (default `*`). */
  EMBED_FRAME_ANCESTORS?: string;
  /** Days after which a quote is left out of comparisons, still kept in history (unset or 0: never). */
  EXCLUDE_AFTER_DAYS?: string;
  /** Set only by `npm run bench`: enables the floor route it measures against (routes/bench-floor.ts). */
  BENCH_FLOOR?: string;
  /** The one writer of the regulators' statistics (stats-ledger.ts). */
  STATS_LEDGER: DurableObjectNamespace<StatsLedger>;
  /** Where the scheduled handler fetches the ECB's daily reference rates. */
  ECB_DAILY_URL?: string;
  /** Alerts (docs/alerts.md): subscriptions and the delivery log. */
  ALERTS_HUB: DurableObjectNamespace<AlertsHub>;
  /** Deliveries waiting to be made (this worker consumes them). */
  ALERTS_QUEUE: Queue<DeliveryMessage>;
  /** Deliveries that failed every attempt. */
  ALERTS_DEAD_LETTERS: Queue<unknown>;
  /** "true" only under `npm start` / `wrangler dev`: webhooks may then use plain http to loopback. */
  ALERTS_LOCAL_DEV?: string;
}
