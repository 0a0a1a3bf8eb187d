/**
 * @module
 * `GET /v1/stats/corridors`: every corridor's statistics in one quarter.
 */
import * as z from "zod/mini";
import { defineRoute, type ApiApp } from "../../http/api-routes.ts";
import type { AppEnv } from "../../http/services.ts";
import { errorResponses } from "../params.ts";
import { csvResponse } from "./csv-export.ts";
import { corridorStatsSchema, csvContent, periodDocFor, statsQuery, wantsCsv } from "./stats-params.ts";

const route = defineRoute({
  method: "get",
  path: "/v1/stats/corridors",
  tags: ["regulators"],
  summary: "Every corridor's statistics in a quarter (the latest when none is asked)",
  request: { query: statsQuery },
  responses: {
    200: {
      description: "The quarter's corridors, by id",
      content: {
        "application/json": { schema: z.object({ period: z.string(), amountUsd: z.int(), updatedAt: z.string(), corridors: z.array(corridorStatsSchema) }) },
        ...csvContent,
      },
    },
    ...errorResponses,
  },
});

export function registerListCorridorStatsRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => {
    const query = c.req.valid("query");
    const { period, amount, updatedAt, figures } = await periodDocFor(c.var.services.stats, query, c.var.services.now());
    if (wantsCsv(c, query.format)) return csvResponse(figures.corridors, `corridors_${period}_${amount}.csv`);
    return c.json({ period, amountUsd: amount, updatedAt, corridors: figures.corridors }, 200);
  });
}
