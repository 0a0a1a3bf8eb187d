/**
 * @module
 * `GET /v1/corridors` and `GET /v1/corridors/{corridor}`: what can be compared, and since when.
 */
import * as z from "zod/mini";
import { sources, summarize } from "../../domain/corridor.ts";
import { latestPeriod } from "../../domain/period.ts";
import { defineRoute, named, type ApiApp } from "../../http/api-routes.ts";
import { notFound } from "../../http/problem.ts";
import type { AppEnv } from "../../http/services.ts";
import { corridorFrom, corridorParams, errorResponses } from "../params.ts";
import { corridorStatsSchema } from "../stats/stats-params.ts";

const country = z.object({ code: z.string(), name: z.string() });
export const corridorSummarySchema = named(
  "CorridorSummary",
  z.object({
    id: z.string().check(z.meta({ example: "KEN-UGA" })),
    from: country,
    to: country,
    sendCurrencies: z.array(z.string()),
    receiveCurrencies: z.array(z.string()),
    providers: z.int(),
    products: z.int(),
    updatedAt: z.string(),
    sample: z.boolean().check(z.meta({ description: "true when prices are illustrative sample data, not observations" })),
  }),
);

const listRoute = defineRoute({
  method: "get",
  path: "/v1/corridors",
  tags: ["migrants"],
  summary: "List the corridors that can be compared",
  responses: {
    200: { description: "Every corridor", content: { "application/json": { schema: z.object({ corridors: z.array(corridorSummarySchema) }) } } },
    500: errorResponses[500],
  },
});

const getRoute = defineRoute({
  method: "get",
  path: "/v1/corridors/{corridor}",
  tags: ["migrants"],
  summary: "One corridor: its countries, currencies, providers and sources",
  request: { params: corridorParams },
  responses: {
    200: {
      description: "The corridor",
      content: {
        "application/json": {
          schema: z.extend(corridorSummarySchema, {
            sources: z.array(z.string()),
            providerList: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), products: z.int(), updatedAt: z.string() })),
            latestStatistics: z.nullable(corridorStatsSchema).check(
              z.meta({ description: "RPW's statistics of the corridor's latest quarter at USD 200 (as GET /v1/stats/corridors/{corridor} answers them), or null when none exist" }),
            ),
          }),
        },
      },
    },
    ...errorResponses,
  },
});

export function registerCorridorRoutes(app: ApiApp<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const corridors = await c.var.services.corridors.list();
    corridors.sort((a, b) => (a.id < b.id ? -1 : 1));
    return c.json({ corridors }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const id = corridorFrom(c.req.valid("param").corridor);
    const { corridors, stats, now } = c.var.services;
    const [doc, history] = await Promise.all([corridors.get(id.id), stats.corridor(id.id)]);
    if (!doc) throw notFound(`no corridor ${id.id}`);
    const latest = history ? latestPeriod(history.periods, now()) : undefined;
    return c.json(
      {
        ...summarize(doc),
        sources: sources(doc),
        providerList: doc.providers.map((p) => ({ id: p.id, name: p.provider.name, type: p.provider.type, products: p.products.length, updatedAt: p.updatedAt })),
        latestStatistics: latest ? latest.amounts["200"] : null,
      },
      200,
    );
  });
}
