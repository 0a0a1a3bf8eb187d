/**
 * @module
 * `GET /v1/stats/global`: a quarter's global average, weighted average, global SmaRT, and the
 * averages by provider type and by region, with the corridors above 5 %.
 */
import { defineRoute, type ApiApp } from "../../http/api-routes.ts";
import type { AppEnv } from "../../http/services.ts";
import { errorResponses } from "../params.ts";
import { csvResponse } from "./csv-export.ts";
import { csvContent, globalStatsSchema, periodDocFor, statsQuery, wantsCsv } from "./stats-params.ts";

const route = defineRoute({
  method: "get",
  path: "/v1/stats/global",
  tags: ["regulators"],
  summary: "Global statistics of a quarter (the latest when none is asked)",
  request: { query: statsQuery },
  responses: {
    200: { description: "The quarter's global figures", content: { "application/json": { schema: globalStatsSchema }, ...csvContent } },
    ...errorResponses,
  },
});

export function registerGetGlobalStatsRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    const { period, amount, updatedAt, figures } = await periodDocFor(c.var.services.stats, query);
    const global = { ...figures.global, updatedAt };
    if (wantsCsv(c, query.format)) return csvResponse([global], `global_${period}_${amount}.csv`);
    return c.json(global, 200);
  });
}
