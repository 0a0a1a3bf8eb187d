/**
 * @module
 * `GET /v1/stats/global`: a quarter's global average, weighted average, global SmaRT, and the
 * averages by provider type and by region, with the corridors above 5 %.
 */
import { defineRoute, type ApiApp } from "../../http/api-routes.ts";
import type { AppEnv } from "../../http/services.ts";
import { errorResponses } from "../params.ts";
import { csvResponse } from "./csv-export.ts";
import { notFound } from "../../http/problem.ts";
import { jsonWithEntityTag } from "../../http/public-responses.ts";
import { amountFrom, csvContent, globalStatsSchema, periodFrom, resolvePeriod, statsQuery, wantsCsv } from "./stats-params.ts";

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
    const stats = c.var.services.stats;
    const period = await resolvePeriod(stats, periodFrom(query.period), c.var.services.now());
    const amount = amountFrom(query.amount);
    const csv = wantsCsv(c, query.format);
    // The quarter's global figures are a document of their own, not part of its corridors' list,
    // and stored once more per amount as this answer's text.
    if (!csv) {
      const text = await stats.globalAnswer(period, `${amount}`);
      if (text !== null) return jsonWithEntityTag(c, text);
    }
    const doc = await stats.global(period);
    if (!doc) throw notFound(`no statistics for ${period}`);
    const global = { ...doc.amounts[`${amount}`], updatedAt: doc.updatedAt };
    if (csv) return csvResponse([global], `global_${period}_${amount}.csv`);
    return c.json(global, 200);
  });
}
