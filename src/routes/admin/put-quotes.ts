/**
 * @module
 * `PUT /v1/admin/corridors/{corridor}/quotes/{providerId}`: a provider publishes its prices in one
 * corridor. The body replaces that provider's products there, and only those.
 */
import * as z from "zod/mini";
import { idSlug, providerQuotesInput } from "../../domain/schemas.ts";
import { actorOf } from "../../http/audited-write.ts";
import { defineRoute, named, type ApiApp } from "../../http/api-routes.ts";
import { ApiError } from "../../http/problem.ts";
import { STORE_RETRY_AFTER_SECONDS, unavailableOnFailure } from "../../http/guarded-kv.ts";
import type { AppEnv } from "../../http/services.ts";
import { adminErrorResponses, corridorFrom, corridorParams } from "../params.ts";

const params = z.extend(corridorParams, {
  providerId: idSlug.check(z.meta({ example: "alpha-remit" })),
});

const route = defineRoute({
  method: "put",
  path: "/v1/admin/corridors/{corridor}/quotes/{providerId}",
  tags: ["providers"],
  summary: "Publish a provider's products in a corridor",
  security: [{ bearer: [] }],
  request: {
    params,
    body: { required: true, content: { "application/json": { schema: named("ProviderQuotes", providerQuotesInput) } } },
  },
  responses: {
    200: {
      description: "Stored and published",
      content: {
        "application/json": {
          schema: z.object({
            corridor: z.string(),
            providerId: z.string(),
            products: z.int(),
            created: z.boolean().check(z.meta({ description: "this write created the corridor" })),
            changed: z.boolean().check(z.meta({ description: "false when the body repeats what is stored" })),
            updatedAt: z.string(),
          }),
        },
      },
    },
    503: { description: "Stored, but not yet visible to comparisons; published automatically later", content: { "application/problem+json": { schema: z.any() } } },
    ...adminErrorResponses,
  },
});

export function registerPutQuotesRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => {
    const { providerId } = c.req.valid("param");
    const corridor = corridorFrom(c.req.valid("param").corridor);
    const body = c.req.valid("json");
    const { ledger, now } = c.var.services;
    const entry = { id: providerId, provider: body.provider, products: body.products, updatedAt: now().toISOString() };
    // The ledger stores a write atomically or not at all: a failure here changed nothing.
    const result = await unavailableOnFailure(ledger(corridor.id).putProvider(corridor, entry, actorOf(c)), `the write to ${corridor.id} was not stored`);
    if (!result.published) {
      throw new ApiError(503, "not-yet-published", "Stored, not yet published", "the quotes are stored and will reach comparisons when the store recovers", {}, { "retry-after": String(STORE_RETRY_AFTER_SECONDS) });
    }
    return c.json({ corridor: corridor.id, providerId, products: body.products.length, created: result.created, changed: result.changed, updatedAt: result.updatedAt }, 200);
  });
}
