/**
 * @module
 * The Hono application: middleware, every route, and the one error path (problem+json).
 */
import { HTTPException } from "hono/http-exception";
import { ApiApp } from "./http/api-routes.ts";
import { ApiError, problemResponse } from "./http/problem.ts";
import { adminAuth } from "./http/admin-auth.ts";
import { idempotency } from "./http/idempotency.ts";
import { bodyLimits, securityHeaders } from "./http/limits.ts";
import { servicesWith, type AppEnv, type ServiceOptions } from "./http/services.ts";
import { registerPutQuotesRoute } from "./routes/admin/put-quotes.ts";
import { registerPutRateRoute } from "./routes/admin/put-rate.ts";
import { registerAuditRoute } from "./routes/admin/audit.ts";
import { registerCorridorHistoryRoute } from "./routes/admin/corridor-history.ts";
import { registerTokenRoutes } from "./routes/admin/tokens.ts";
import { registerCompareRoute } from "./routes/compare/compare-quotes.ts";
import { registerCorridorRoutes } from "./routes/compare/list-corridors.ts";
import { publicResponses } from "./http/public-responses.ts";
import { rateLimit } from "./http/rate-limit.ts";
import { registerHealthRoute } from "./routes/health.ts";
import { registerPartnerKeyRoutes } from "./routes/admin/partner-keys.ts";
import { registerDocsRoute } from "./routes/partners/docs-page.ts";
import { registerEmbedRoute } from "./routes/partners/embed-page.ts";
import { registerFaviconRoute } from "./routes/partners/favicon.ts";
import { registerOpenApiRoute } from "./routes/partners/openapi-document.ts";
import { registerWidgetScriptRoute } from "./routes/partners/widget-script.ts";
import { registerWidgetMessagesRoute } from "./routes/partners/widget-messages.ts";
import { registerImportRpwRoute } from "./routes/admin/import-rpw.ts";
import { registerImportEcbRoute } from "./routes/admin/import-ecb.ts";
import { registerImportFlowsRoute } from "./routes/admin/import-flows.ts";
import { registerStatisticsStatusRoute } from "./routes/admin/statistics-status.ts";
import { registerRatesStatusRoute } from "./routes/admin/rates-status.ts";
import { registerGetCorridorStatsRoute } from "./routes/stats/get-corridor-stats.ts";
import { registerGetCorridorHistoryRoute } from "./routes/stats/get-corridor-history.ts";
import { registerListCorridorStatsRoute } from "./routes/stats/list-corridor-stats.ts";
import { registerGetGlobalStatsRoute } from "./routes/stats/get-global-stats.ts";
import { registerChartRoutes } from "./routes/charts/register.ts";
import { registerAlertRoutes } from "./routes/alerts/subscriptions.ts";

/** `options` is for tests (e.g. counting KV operations); the worker builds the app without any. */
export function buildApp(options: ServiceOptions = {}) {
  // Validation failures answer problem+json from the routes themselves (src/http/api-routes.ts).
  const app = new ApiApp<AppEnv>();

  app.use("*", securityHeaders);
  app.use("*", bodyLimits);
  app.use("*", servicesWith(options));
  // CORS first, so that a 401 or a 429 is readable by the page that caused it.
  app.use("*", publicResponses);
  app.use("*", rateLimit);
  app.use("/v1/admin/*", adminAuth);
  app.use("/v1/admin/*", idempotency);

  registerHealthRoute(app);
  registerCorridorRoutes(app);
  registerCompareRoute(app);
  registerPutQuotesRoute(app);
  registerPutRateRoute(app);
  registerPartnerKeyRoutes(app);
  registerOpenApiRoute(app);
  registerDocsRoute(app);
  registerWidgetScriptRoute(app);
  registerWidgetMessagesRoute(app);
  registerEmbedRoute(app);
  registerFaviconRoute(app);
  registerTokenRoutes(app);
  registerAuditRoute(app);
  registerCorridorHistoryRoute(app);
  registerImportRpwRoute(app);
  registerImportEcbRoute(app);
  registerImportFlowsRoute(app);
  registerStatisticsStatusRoute(app);
  registerRatesStatusRoute(app);
  registerGetCorridorHistoryRoute(app);
  registerGetCorridorStatsRoute(app);
  registerListCorridorStatsRoute(app);
  registerGetGlobalStatsRoute(app);
  registerChartRoutes(app);
  registerAlertRoutes(app);

  app.securitySchemes.bearer = { type: "http", scheme: "bearer" };

  app.notFound((c) => problemResponse(404, "not-found", "Not found", `no route ${c.req.method} ${c.req.path}`));
  app.onError((err, c) => {
    if (err instanceof ApiError) return problemResponse(err.status, err.code, err.title, err.detail, err.extensions, err.headers);
    if (err instanceof HTTPException) {
      const detail = err.message || undefined;
      const code = err.status === 415 ? "unsupported-media-type" : err.status === 400 ? "bad-request" : "http-error";
      return problemResponse(err.status, code, detail && err.status === 400 ? "The request is not valid" : (err.res?.statusText || "Request failed"), detail);
    }
    console.error(`unhandled error on ${c.req.method} ${c.req.path}`, err);
    return problemResponse(500, "internal", "Internal error", "an unexpected failure; it has been logged");
  });
  return app;
}
