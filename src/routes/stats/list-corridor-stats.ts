/**
 * @module
 * `GET /v1/stats/corridors`: every corridor's statistics in one quarter.
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { notFound } from "../../http/problem.ts";
import type { AppEnv } from "../../http/services.ts";
import { errorResponses } from "../params.ts";
import { csvResponse } from "./csv-export.ts";
import { amountFrom, corridorStatsSchema, csvContent, periodFrom, resolvePeriod, statsQuery, wantsCsv } from "./stats-params.ts";

const route = createRoute({
  method: "get",
  path: "/v1/stats/corridors",
  tags: ["regulators"],
  summary: "Every corridor's statistics in a quarter (the latest when none is asked)",
  request: { query: statsQuery },
  responses: {
    200: {
      description: "The quarter's corridors, by id",
      content: {
        "application/json": { schema: z.object({ period: z.string(), amountUsd: z.number().int(), updatedAt: z.string(), corridors: z.array(corridorStatsSchema) }) },
        ...csvContent,
      },
    },
    ...errorResponses,
  },
});

export function registerListCorridorStatsRoute(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    const { stats } = c.var.services;
    const period = await resolvePeriod(stats, periodFrom(query.period));
    const amount = amountFrom(query.amount);
    const doc = await stats.period(period);
    if (!doc) throw notFound(`no statistics for ${period}`);
    const corridors = doc.amounts[`${amount}`].corridors;
    if (wantsCsv(c, query.format)) return csvResponse(corridors, `corridors_${period}_${amount}.csv`);
    return c.json({ period, amountUsd: amount, updatedAt: doc.updatedAt, corridors }, 200);
  });
}
