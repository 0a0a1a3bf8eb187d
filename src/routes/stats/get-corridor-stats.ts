/**
 * @module
 * `GET /v1/stats/corridors/{corridor}`: RPW's statistics of one corridor in one quarter.
 */
import { defineRoute, type ApiApp } from "../../http/api-routes.ts";
import { latestPeriod } from "../../domain/period.ts";
import { notFound } from "../../http/problem.ts";
import type { AppEnv } from "../../http/services.ts";
import { corridorFrom, corridorParams, errorResponses } from "../params.ts";
import { csvResponse } from "./csv-export.ts";
import { amountFrom, corridorStatsSchema, csvContent, periodFrom, statsQuery, wantsCsv } from "./stats-params.ts";

const route = defineRoute({
  method: "get",
  path: "/v1/stats/corridors/{corridor}",
  tags: ["regulators"],
  summary: "A corridor's average total cost, median, SmaRT, cheapest service and averages by provider type in a quarter",
  request: { params: corridorParams, query: statsQuery },
  responses: {
    200: { description: "The corridor's statistics (the latest quarter when none is asked)", content: { "application/json": { schema: corridorStatsSchema }, ...csvContent } },
    ...errorResponses,
  },
});

export function registerGetCorridorStatsRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => {
    const corridor = corridorFrom(c.req.valid("param").corridor);
    const query = c.req.valid("query");
    const period = periodFrom(query.period);
    const amount = amountFrom(query.amount);
    const doc = await c.var.services.stats.corridor(corridor.id);
    if (!doc || doc.periods.length === 0) throw notFound(`no statistics for corridor ${corridor.id}`);
    const entry = period ? doc.periods.find((p) => p.period === period) : latestPeriod(doc.periods, c.var.services.now());
    if (!entry) throw notFound(`no statistics for corridor ${corridor.id} in ${period ?? "a quarter up to now"}`);
    const stats = entry.amounts[`${amount}`];
    if (wantsCsv(c, query.format)) return csvResponse([stats], `${corridor.id}_${entry.period}_${amount}.csv`);
    return c.json(stats, 200);
  });
}
