/**
 * @module
 * `POST /v1/admin/imports/rpw`: the operator loads rows of the World Bank's RPW dataset (CSV).
 */
import * as z from "zod/mini";
import { importRpw } from "../../import/rpw-import.ts";
import { defineRoute, named, type ApiApp } from "../../http/api-routes.ts";
import { ApiError, badRequest } from "../../http/problem.ts";
import { auditedImport } from "../../http/audited-write.ts";
import type { AppEnv } from "../../http/services.ts";
import { adminErrorResponses } from "../params.ts";
import { importBody, skippedSchema } from "./import-body.ts";

const CSV_TYPES = ["text/csv", "application/csv"] as const;

const reportSchema = named(
  "RpwImportReport",
  z.object({
    imported: z.int().check(z.meta({ description: "rows stored, including rows already stored by an earlier import (replaced, not doubled)" })),
    alreadyPresent: z.int(),
    skipped: skippedSchema.check(z.meta({ description: "rows left out, with the reason (at most 1000 listed)" })),
    skippedTotal: z.int(),
    statistics: z.enum(["published", "pending"]).check(
      z.meta({ description: "published: the statistics include these rows; pending: the ledger publishes them within 10 s (GET /v1/admin/statistics/status)" }),
    ),
  }),
);

const query = z.strictObject({
  wait: z._default(
    z.enum(["true", "false"]).check(
      z.meta({
        description:
          "true (default): answer once the statistics include the rows. false: answer once the rows are stored; a bulk load sends its requests with false, so their statistics are published once, not once per request",
      }),
    ),
    "true",
  ),
});

const route = defineRoute({
  method: "post",
  path: "/v1/admin/imports/rpw",
  tags: ["operators"],
  summary: "Import rows of the RPW dataset (legacy 30-column or current 42-column CSV header)",
  security: [{ bearer: [] }],
  request: { query, body: { required: true, content: { "text/csv": { schema: z.string() } } } },
  responses: {
    200: { description: "Imported; the statistics too unless wait=false", content: { "application/json": { schema: reportSchema } } },
    ...adminErrorResponses,
  },
});

export function registerImportRpwRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => {
    const wait = c.req.valid("query").wait === "true";
    const body = importBody(c.req.raw, CSV_TYPES);
    const ledger = c.var.services.statsLedger();
    const outcome = await auditedImport(
      c,
      "rpw",
      { contentType: c.req.header("content-type"), wait },
      () => importRpw(body, ledger, c.var.services.now()),
      (o) => (o.ok ? o.report : o.problem === "syntax" && o.report.imported > 0 ? { problem: o.problem, line: o.line, ...o.report } : null),
    );
    if (!outcome.ok) {
      if (outcome.problem === "empty") throw badRequest("the CSV is empty: expected the RPW header row and data rows", { field: "body" });
      if (outcome.problem === "header") {
        throw badRequest(`the CSV header is not RPW's: missing column(s) ${outcome.missing.join(", ")}`, { field: "header", missing: outcome.missing });
      }
      if (wait) await ledger.publishNow();
      throw new ApiError(400, "csv-syntax", "The CSV is malformed", `line ${outcome.line ?? "?"}: ${outcome.message}; ${outcome.report.imported} row(s) before it were imported`, {
        line: outcome.line,
        ...outcome.report,
      });
    }
    if (wait) await ledger.publishNow();
    return c.json({ ...outcome.report, statistics: wait ? "published" : "pending" } as const, 200);
  });
}
