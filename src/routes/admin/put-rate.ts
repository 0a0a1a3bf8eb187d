/**
 * @module
 * `PUT /v1/admin/rates/{base}/{quote}`: the operator sets a mid-market reference rate.
 */
import * as z from "zod/mini";
import { currencyCode, referenceRateInput } from "../../domain/schemas.ts";
import { auditedWrite } from "../../http/audited-write.ts";
import { defineRoute, named, type ApiApp } from "../../http/api-routes.ts";
import { badRequest } from "../../http/problem.ts";
import type { AppEnv } from "../../http/services.ts";
import { adminErrorResponses } from "../params.ts";

const params = z.object({
  base: currencyCode.check(z.meta({ example: "KWD" })),
  quote: currencyCode.check(z.meta({ example: "INR" })),
});

const rateSchema = named("ReferenceRate", z.object({ base: z.string(), quote: z.string(), rate: z.string(), asOf: z.string(), source: z.string() }));

const route = defineRoute({
  method: "put",
  path: "/v1/admin/rates/{base}/{quote}",
  tags: ["operators"],
  summary: "Set the mid-market reference rate of a currency pair (quote units per 1 base unit)",
  security: [{ bearer: [] }],
  request: { params, body: { required: true, content: { "application/json": { schema: named("ReferenceRateInput", referenceRateInput) } } } },
  responses: {
    200: { description: "Stored", content: { "application/json": { schema: rateSchema } } },
    ...adminErrorResponses,
  },
});

export function registerPutRateRoute(app: ApiApp<AppEnv>) {
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
