/**
 * @module
 * The Worker: the HTTP app, and the Durable Object class that serialises each corridor's writes.
 */
import { buildApp } from "./app.ts";
import type { Env } from "./env.ts";
import { refreshEcbRates } from "./scheduled.ts";

export { CorridorLedger } from "./store/corridor-ledger.ts";
export { StatsLedger } from "./store/stats-ledger.ts";

const app = buildApp();

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
  scheduled: (_controller, env, ctx) => ctx.waitUntil(refreshEcbRates(env)),
} satisfies ExportedHandler<Env>;
