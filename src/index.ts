/**
 * @module
 * The Worker: the HTTP app, the Durable Object classes, the cron trigger and the alerts' queue consumer.
 */
import { buildApp } from "./app.ts";
import type { Env } from "./env.ts";
import { refreshEcbRates } from "./scheduled.ts";
import { deliverAlerts } from "./queue/deliver-alerts.ts";
import type { DeliveryMessage } from "./store/alerts-hub.ts";
import { alertOnStaleQuotes } from "./store/alert-hooks.ts";

export { CorridorLedger } from "./store/corridor-ledger.ts";
export { StatsLedger } from "./store/stats-ledger.ts";
export { AlertsHub } from "./store/alerts-hub.ts";

const app = buildApp();

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
  scheduled: (_controller, env, ctx) => {
    ctx.waitUntil(refreshEcbRates(env));
    ctx.waitUntil(alertOnStaleQuotes(env));
  },
  queue: (batch, env) => deliverAlerts(batch, env),
} satisfies ExportedHandler<Env, DeliveryMessage>;
