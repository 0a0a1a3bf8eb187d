/**
 * @module
 * The Worker: the HTTP app, the cron, the alerts' queue consumer, and the Durable Object classes
 * (each corridor's writer, the statistics' writer, the ECB feed, the alerts hub).
 */
import { buildApp } from "./app.ts";
import type { Env } from "./env.ts";
import { deliverAlerts } from "./queue/deliver-alerts.ts";
import type { DeliveryMessage } from "./store/alerts-hub.ts";
import { alertOnStaleQuotes } from "./store/alert-hooks.ts";
import { ratesFeedOf } from "./store/rates-feed.ts";

export { CorridorLedger } from "./store/corridor-ledger.ts";
export { StatsLedger } from "./store/stats-ledger.ts";
export { RatesFeed } from "./store/rates-feed.ts";
export { AlertsHub } from "./store/alerts-hub.ts";

const app = buildApp();

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
  scheduled: (controller, env, ctx) => {
    // The feed logs and retries its own failures; this catch is for the feed being unreachable.
    ctx.waitUntil(ratesFeedOf(env).run(controller.scheduledTime).then(
      () => undefined,
      (err: unknown) => console.error("ECB daily rates: the rates feed could not be reached", err),
    ));
    ctx.waitUntil(alertOnStaleQuotes(env));
  },
  queue: (batch, env) => deliverAlerts(batch, env),
} satisfies ExportedHandler<Env, DeliveryMessage>;
