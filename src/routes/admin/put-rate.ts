/**
 * @module
 * `PUT /v1/admin/rates/{base}/{quote}`: the operator sets a mid-market reference rate.
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { currencyCode, referenceRateInput } from "../../domain/schemas.ts";
import { auditedWrite } from "../../http/audited-write.ts";
import { badRequest } from "../../http/problem.ts";
import type { AppEnv } from "../../http/services.ts";
import { adminErrorResponses } from "../params.ts";

const params = z.object({
  base: currencyCode.openapi({ param: { name: "base", in: "path" }, example: "KWD" }),
  quote: currencyCode.openapi({ param: { name: "quote", in: "path" }, example: "INR" }),
});

const rateSchema = z.object({ base: z.string(), quote: z.string(), rate: z.string(), asOf: z.string(), source: z.string() }).openapi("ReferenceRate");

const route = createRoute({
  method: "put",
  path: "/v1/admin/rates/{base}/{quote}",
  tags: ["operators"],
  summary: "Set the mid-market reference rate of a currency pair (quote units per 1 base unit)",
  security: [{ bearer: [] }],
  request: { params, body: { required: true, content: { "application/json": { schema: referenceRateInput.openapi("ReferenceRateInput") } } } },
  responses: {
    200: { description: "Stored", content: { "application/json": { schema: rateSchema } } },
    ...adminErrorResponses,
  },
});

export function registerPutRateRoute(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const { base, quote } = c.req.valid("param");
    if (base === quote) throw badRequest("base and quote must differ", { field: "quote" });
    const body = c.req.valid("json");
    const rate = { base, quote, rate: body.rate, asOf: body.asOf, source: body.source };
    const { rates } = c.var.services;
    const previous = await rates.get(base, quote);
    await auditedWrite(c, { action: "rates:write", target: { pair: `${base}/${quote}` }, value: rate, previous }, () => rates.put(rate));
    return c.json(rate, 200);
  });
}
