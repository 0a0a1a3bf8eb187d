/**
 * @module
 * `GET /v1/stats/corridors`: every corridor's statistics in one quarter.
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import type { AppEnv } from "../../http/services.ts";
import { errorResponses } from "../params.ts";
import { csvResponse } from "./csv-export.ts";
import { corridorStatsSchema, csvContent, periodDocFor, statsQuery, wantsCsv } from "./stats-params.ts";

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
    const { period, amount, updatedAt, figures } = await periodDocFor(c.var.services.stats, query);
    if (wantsCsv(c, query.format)) return csvResponse(figures.corridors, `corridors_${period}_${amount}.csv`);
    return c.json({ period, amountUsd: amount, updatedAt, corridors: figures.corridors }, 200);
  });
}
