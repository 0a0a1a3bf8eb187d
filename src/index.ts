/**
 * @module
 * The Worker: the HTTP app, the cron, and the Durable Object classes (each corridor's writer, the
 * statistics' writer, the ECB feed).
 */
import { buildApp } from "./app.ts";
import type { Env } from "./env.ts";
import { ratesFeedOf } from "./store/rates-feed.ts";

export { CorridorLedger } from "./store/corridor-ledger.ts";
export { StatsLedger } from "./store/stats-ledger.ts";
export { RatesFeed } from "./store/rates-feed.ts";

const app = buildApp();

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
  // The feed logs and retries its own failures; this catch is for the feed being unreachable.
  scheduled: (controller, env, ctx) =>
    ctx.waitUntil(ratesFeedOf(env).run(controller.scheduledTime).then(
      () => undefined,
      (err: unknown) => console.error("ECB daily rates: the rates feed could not be reached", err),
    )),
} satisfies ExportedHandler<Env>;
