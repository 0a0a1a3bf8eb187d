/**
 * @module
 * `POST /v1/admin/imports/ecb`: the operator loads the ECB's euro reference rates (XML).
 */
import * as z from "zod/mini";
import { importEcb } from "../../import/ecb-import.ts";
import { defineRoute, named, type ApiApp } from "../../http/api-routes.ts";
import { badRequest } from "../../http/problem.ts";
import { auditedImport } from "../../http/audited-write.ts";
import type { AppEnv } from "../../http/services.ts";
import { adminErrorResponses } from "../params.ts";
import { importBody } from "./import-body.ts";

const XML_TYPES = ["application/xml", "text/xml"] as const;

const route = defineRoute({
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
          schema: named("EcbImportReport", z.object({ days: z.int(), rates: z.int(), latest: z.string(), current: z.array(z.string()), skipped: z.array(z.string()) })),
        },
      },
    },
    ...adminErrorResponses,
  },
});

export function registerImportEcbRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => {
    const xml = await new Response(importBody(c.req.raw, XML_TYPES)).text();
    const { statsLedger, rates, now } = c.var.services;
    const outcome = await auditedImport(c, "ecb", { contentType: c.req.header("content-type") }, () => importEcb(xml, statsLedger(), rates, now()), (o) => (o.ok ? o.report : null));
    if (!outcome.ok) throw badRequest(outcome.reason, { field: outcome.field ?? "body" });
    return c.json(outcome.report, 200);
  });
}
