/**
 * @module
 * `POST /v1/admin/imports/flows`: the operator loads the World Bank's bilateral remittance matrix
 * (CSV), the weights of the weighted average. It replaces the flows loaded before.
 */
import * as z from "zod/mini";
import { parseFlowsCsv } from "../../import/flows-csv.ts";
import { defineRoute, named, type ApiApp } from "../../http/api-routes.ts";
import { badRequest } from "../../http/problem.ts";
import { auditedImport } from "../../http/audited-write.ts";
import type { AppEnv } from "../../http/services.ts";
import { adminErrorResponses } from "../params.ts";
import { importBody, skippedSchema } from "./import-body.ts";

const route = defineRoute({
  method: "post",
  path: "/v1/admin/imports/flows",
  tags: ["operators"],
  summary: "Import bilateral remittance flows (USD millions; sending countries down, receiving across, by English name)",
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { "text/csv": { schema: z.string() } } } },
  responses: {
    200: {
      description: "Flows stored; every quarter's weighted average is recomputed before the answer",
      content: {
        "application/json": {
          schema: named(
            "FlowsImportReport",
            z.object({
              flows: z.int(),
              sendingCountries: z.int(),
              receivingCountries: z.int(),
              unmapped: z.array(z.string()).check(z.meta({ description: "country names no table could map to an ISO code; their flows are left out" })),
              skipped: skippedSchema,
            }),
          ),
        },
      },
    },
    ...adminErrorResponses,
  },
});

export function registerImportFlowsRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => {
    const parsed = await parseFlowsCsv(importBody(c.req.raw, ["text/csv", "application/csv"]));
    if (!parsed.ok) throw badRequest(parsed.reason, { field: "body" });
    if (parsed.flows.length === 0) throw badRequest("the matrix holds no positive flow between known countries", { field: "body", unmapped: parsed.unmapped });
    const ledger = c.var.services.statsLedger();
    const flows = parsed.flows;
    await auditedImport(c, "flows", { contentType: c.req.header("content-type") }, () => ledger.setFlows(flows), () => ({ flows: flows.length, unmapped: parsed.unmapped.length }));
    await ledger.publishNow();
    return c.json({ flows: parsed.flows.length, sendingCountries: parsed.sending, receivingCountries: parsed.receiving, unmapped: parsed.unmapped, skipped: parsed.skipped }, 200);
  });
}
