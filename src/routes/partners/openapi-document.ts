/**
 * @module
 * `GET /openapi.json`: the OpenAPI 3.1 document, generated from the zod schemas every route
 * validates with, so it cannot drift from what the service accepts and answers.
 */
import * as z from "zod/mini";
import { defineRoute, type ApiApp, type ApiRoute } from "../../http/api-routes.ts";
import { SHOWS_SECRET_PATHS, WRITES } from "../../http/idempotency.ts";
import { openApiDocument31, type OpenApiDocument } from "../../http/openapi.ts";
import { isAdminPath } from "../../http/public-responses.ts";
import type { AppEnv } from "../../http/services.ts";
import { errorResponses, problem } from "../params.ts";

const info = {
  title: "tenc: what sending money home really costs",
  version: "1",
  description:
    "Remittance corridor cost comparison against SDG 10.c (World Bank RPW methodology). Money is a decimal string " +
    "with its currency; every error is application/problem+json (RFC 9457). Public GET routes answer cross-origin " +
    "requests and are rate-limited per `X-Api-Key`, or per client address without one; admin routes need a bearer token. " +
    "The statistics are computed from data under their own licences, cited in each answer (World Bank RPW: CC BY 4.0).",
  license: { name: "MIT", identifier: "MIT" },
};

/**
 * What the middleware in front of every route can answer (src/app.ts), so that each operation
 * lists every status a client can meet: the rate limit and its key check (http/rate-limit.ts),
 * the store's failure (http/guarded-kv.ts), on public GETs the entity tag's 304
 * (http/public-responses.ts), on admin routes the token check and its grants (http/admin-auth.ts),
 * and on writes the body limit (http/limits.ts) and the Idempotency-Key (http/idempotency.ts);
 * and on every route but the files whose query is ignored the 400 of a query parameter it does not
 * take (http/api-routes.ts).
 */
export function sharedResponses(route: ApiRoute): ApiRoute["responses"] {
  const admin = isAdminPath(route.path);
  const write = WRITES.has(route.method.toUpperCase());
  const shared: ApiRoute["responses"] = {};
  if (!admin && route.method === "get") shared[304] = { description: "Not modified: the If-None-Match entity tag is current" };
  shared[401] = problem(admin ? "Missing or wrong bearer token, or an unknown X-Api-Key" : "The X-Api-Key is unknown or revoked (leave it out to use the per-address limits)");
  if (admin || !route["x-query-ignored"] || route.request?.params) shared[400] = errorResponses[400];
  if (admin) {
    shared[403] = problem("The token's role may not do this");
  }
  if (write) shared[413] = problem("The body is larger than the limit");
  if (admin && write) shared[422] = problem("This Idempotency-Key was first used with a different request");
  if (admin && route.method === "post" && SHOWS_SECRET_PATHS.has(route.path)) {
    shared[409] = problem("This Idempotency-Key's first answer showed a secret, which is never kept: nothing was issued twice");
  }
  shared[429] = errorResponses[429];
  shared[500] = errorResponses[500];
  shared[503] = problem("The store is unavailable: retry after the Retry-After header's seconds");
  return shared;
}

const route = defineRoute({
  method: "get",
  path: "/openapi.json",
  tags: ["partners"],
  summary: "This OpenAPI 3.1 document",
  responses: {
    200: { description: "The document", content: { "application/json": { schema: z.record(z.string(), z.unknown()) } } },
    429: errorResponses[429],
  },
});

/** The routes are fixed once the app is built, so one generation per isolate is enough; only `servers` varies. */
const cache = new WeakMap<object, OpenApiDocument>();

export function openApiDocument(app: ApiApp<AppEnv>, origin: string): OpenApiDocument {
  let doc = cache.get(app);
  if (!doc) {
    doc = openApiDocument31(app, {
      openapi: "3.1.0",
      info,
      // An API key is optional: it raises the caller's limits from per-address to per-partner.
      security: [{}, { apiKey: [] }],
      tags: [
        { name: "migrants", description: "Compare the ways to send money in a corridor" },
        { name: "partners", description: "Embed the comparison: widget, iframe page, this document" },
        { name: "operators", description: "Data and partner keys (bearer token)" },
        { name: "providers", description: "Providers publish their prices (bearer token)" },
      ],
    }, sharedResponses);
    cache.set(app, doc);
  }
  return { ...doc, servers: [{ url: origin }] };
}

export function registerOpenApiRoute(app: ApiApp<AppEnv>) {
  app.securitySchemes.apiKey = { type: "apiKey", in: "header", name: "X-Api-Key" };
  app.openapi(route, (c) => c.json(openApiDocument(app, new URL(c.req.url).origin), 200));
}
