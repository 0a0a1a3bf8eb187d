/**
 * @module
 * `POST /v1/admin/imports/ecb`: the operator loads the ECB's euro reference rates (XML).
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { importEcb } from "../../import/ecb-import.ts";
import { badRequest } from "../../http/problem.ts";
import type { AppEnv } from "../../http/services.ts";
import { adminErrorResponses } from "../params.ts";
import { importBody } from "./import-body.ts";

const XML_TYPES = ["application/xml", "text/xml"] as const;

const route = createRoute({
  method: "post",
  path: "/v1/admin/imports/ecb",
  tags: ["operators"],
  summary: "Import the ECB's euro reference rates (daily, 90-day or historical XML file)",
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { "application/xml": { schema: z.string() } } } },
  responses: {
    200: {
      description: "Every dated rate stored; the newest day is the current EUR reference rate",
      content: {
        "application/json": {
          schema: z.object({ days: z.number().int(), rates: z.number().int(), latest: z.string(), current: z.array(z.string()), skipped: z.array(z.string()) }).openapi("EcbImportReport"),
        },
      },
    },
    ...adminErrorResponses,
  },
});

export function registerImportEcbRoute(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const xml = await new Response(importBody(c.req.raw, XML_TYPES)).text();
    const { statsLedger, rates } = c.var.services;
    const outcome = await importEcb(xml, statsLedger(), rates);
    if (!outcome.ok) throw badRequest(outcome.reason, { field: "body" });
    return c.json(outcome.report, 200);
  });
}
