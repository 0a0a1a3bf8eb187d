/**
 * @module
 * `GET /openapi.json`: the OpenAPI 3.1 document, generated from the zod schemas every route
 * validates with, so it cannot drift from what the service accepts and answers.
 */
import * as z from "zod/mini";
import { defineRoute, type ApiApp } from "../../http/api-routes.ts";
import { openApiDocument31, type OpenApiDocument } from "../../http/openapi.ts";
import type { AppEnv } from "../../http/services.ts";
import { errorResponses } from "../params.ts";

const info = {
  title: "tenc: what sending money home really costs",
  version: "1",
  description:
    "Remittance corridor cost comparison against SDG 10.c (World Bank RPW methodology). Money is a decimal string " +
    "with its currency; every error is application/problem+json (RFC 9457). Public GET routes answer cross-origin " +
    "requests and are rate-limited per `X-Api-Key`, or per client address without one; admin routes need a bearer token.",
};

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
    });
    cache.set(app, doc);
  }
  return { ...doc, servers: [{ url: origin }] };
}

export function registerOpenApiRoute(app: ApiApp<AppEnv>) {
  app.securitySchemes.apiKey = { type: "apiKey", in: "header", name: "X-Api-Key" };
  app.openapi(route, (c) => c.json(openApiDocument(app, new URL(c.req.url).origin), 200));
}
