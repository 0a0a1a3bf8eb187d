/**
 * @module
 * `GET /v1/stats/corridors/{corridor}/history`: a corridor's statistics in every quarter, oldest first.
 */
import * as z from "zod/mini";
import { defineRoute, type ApiApp } from "../../http/api-routes.ts";
import { notFound } from "../../http/problem.ts";
import type { AppEnv } from "../../http/services.ts";
import { corridorFrom, corridorParams, errorResponses } from "../params.ts";
import { csvResponse } from "./csv-export.ts";
import { amountFrom, corridorStatsSchema, csvContent, statsQuery, wantsCsv } from "./stats-params.ts";

const route = defineRoute({
  method: "get",
  path: "/v1/stats/corridors/{corridor}/history",
  tags: ["regulators"],
  summary: "A corridor's statistics in every quarter, oldest first",
  request: { params: corridorParams, query: z.omit(statsQuery, { period: true }) },
  responses: {
    200: {
      description: "Every quarter of the corridor",
      content: {
        "application/json": { schema: z.object({ corridor: z.string(), amountUsd: z.int(), updatedAt: z.string(), periods: z.array(corridorStatsSchema) }) },
        ...csvContent,
      },
    },
    ...errorResponses,
  },
});

export function registerGetCorridorHistoryRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => {
    const corridor = corridorFrom(c.req.valid("param").corridor);
    const query = c.req.valid("query");
    const amount = amountFrom(query.amount);
    const doc = await c.var.services.stats.corridor(corridor.id);
    if (!doc || doc.periods.length === 0) throw notFound(`no statistics for corridor ${corridor.id}`);
    const periods = doc.periods.map((p) => p.amounts[`${amount}`]);
    if (wantsCsv(c, query.format)) return csvResponse(periods, `${corridor.id}_history_${amount}.csv`);
    return c.json({ corridor: corridor.id, amountUsd: amount, updatedAt: doc.updatedAt, periods }, 200);
  });
}
