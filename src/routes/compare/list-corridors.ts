/**
 * @module
 * `GET /v1/corridors` and `GET /v1/corridors/{corridor}`: what can be compared, and since when.
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { sources, summarize } from "../../domain/corridor.ts";
import { notFound } from "../../http/problem.ts";
import type { AppEnv } from "../../http/services.ts";
import { corridorFrom, corridorParams, errorResponses } from "../params.ts";

const country = z.object({ code: z.string(), name: z.string() });
export const corridorSummarySchema = z
  .object({
    id: z.string().openapi({ example: "KEN-UGA" }),
    from: country,
    to: country,
    sendCurrencies: z.array(z.string()),
    receiveCurrencies: z.array(z.string()),
    providers: z.number().int(),
    products: z.number().int(),
    updatedAt: z.string(),
    sample: z.boolean().openapi({ description: "true when prices are illustrative sample data, not observations" }),
  })
  .openapi("CorridorSummary");

const listRoute = createRoute({
  method: "get",
  path: "/v1/corridors",
  tags: ["migrants"],
  summary: "List the corridors that can be compared",
  responses: {
    200: { description: "Every corridor", content: { "application/json": { schema: z.object({ corridors: z.array(corridorSummarySchema) }) } } },
    500: errorResponses[500],
  },
});

const getRoute = createRoute({
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
          schema: corridorSummarySchema.extend({
            sources: z.array(z.string()),
            providerList: z.array(z.object({ id: z.string(), name: z.string(), type: z.string(), products: z.number().int(), updatedAt: z.string() })),
          }),
        },
      },
    },
    ...errorResponses,
  },
});

export function registerCorridorRoutes(app: OpenAPIHono<AppEnv>) {
  app.openapi(listRoute, async (c) => {
    const corridors = await c.var.services.corridors.list();
    corridors.sort((a, b) => (a.id < b.id ? -1 : 1));
    return c.json({ corridors }, 200);
  });

  app.openapi(getRoute, async (c) => {
    const id = corridorFrom(c.req.valid("param").corridor);
    const doc = await c.var.services.corridors.get(id.id);
    if (!doc) throw notFound(`no corridor ${id.id}`);
    return c.json(
      {
        ...summarize(doc),
        sources: sources(doc),
        providerList: doc.providers.map((p) => ({ id: p.id, name: p.provider.name, type: p.provider.type, products: p.products.length, updatedAt: p.updatedAt })),
      },
      200,
    );
  });
}
