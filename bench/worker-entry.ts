/**
 * @module
 * The worker `npm run bench` builds and runs: the production worker (src/index.ts, whose shape this
 * repeats) plus the floor route the comparison is measured against (floor-route.ts).
 */
import { buildApp } from "../src/app.ts";
import type { Env } from "../src/env.ts";
import { refreshEcbRates } from "../src/scheduled.ts";
import { registerBenchFloorRoute } from "./floor-route.ts";

export { CorridorLedger } from "../src/store/corridor-ledger.ts";
export { StatsLedger } from "../src/store/stats-ledger.ts";

const app = buildApp();
registerBenchFloorRoute(app);

export default {
  fetch: (request, env, ctx) => app.fetch(request, env, ctx),
  scheduled: (_controller, env, ctx) => ctx.waitUntil(refreshEcbRates(env)),
} satisfies ExportedHandler<Env>;
