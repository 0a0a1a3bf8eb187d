/**
 * @module
 * The Worker's bindings and settings (wrangler.toml, secrets in .dev.vars or `wrangler secret`).
 */
import type { CorridorLedger } from "./store/corridor-ledger.ts";

export interface Env {
  KV: KVNamespace;
  CORRIDOR_LEDGER: DurableObjectNamespace<CorridorLedger>;
  /** Bearer token of the operator: every admin route. */
  ADMIN_TOKEN: string;
  /** Days after which a quote is flagged stale (default 30). */
  STALE_AFTER_DAYS?: string;
  /** Set only by `npm run bench`: enables the floor route it measures against (routes/bench-floor.ts). */
  BENCH_FLOOR?: string;
}
