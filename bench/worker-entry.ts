/**
 * @module
 * The worker `npm run bench` builds and runs: the production worker (src/index.ts) plus the floor route the comparison is measured against (floor-route.ts).
 */
import { buildApp } from "../src/app.ts";
import type { Env } from "../src/env.ts";
import production from "../src/index.ts";
import type { DeliveryMessage } from "../src/store/alerts-hub.ts";
import { registerBenchFloorRoute } from "./floor-route.ts";

// The Durable Object classes and every other handler are the production worker's own.
export * from "../src/index.ts";

const app = buildApp();
registerBenchFloorRoute(app);

export default { ...production, fetch: (request, env, ctx) => app.fetch(request, env, ctx) } satisfies ExportedHandler<Env, DeliveryMessage>;
