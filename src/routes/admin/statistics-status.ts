/**
 * @module
 * `GET /v1/admin/statistics/status`: whether the published statistics include every row accepted
 * so far; an import sent with `wait=false` answers before they do.
 */
import * as z from "zod/mini";
import { defineRoute, named, type ApiApp } from "../../http/api-routes.ts";
import type { AppEnv } from "../../http/services.ts";
import { adminErrorResponses } from "../params.ts";

const statusSchema = named(
  "StatisticsPublishStatus",
  z.object({
    current: z.boolean().check(z.meta({ description: "true when the statistics documents include every accepted observation" })),
    waiting: z.int().check(z.meta({ description: "changes accepted and not yet published (the ledger publishes within 10 s)" })),
    lastPublishedAt: z.nullable(z.string().check(z.meta({ description: "when the ledger last finished a publish (null: not since it last started)" }))),
  }),
);

const route = defineRoute({
  method: "get",
  path: "/v1/admin/statistics/status",
  tags: ["operators"],
  summary: "Whether the statistics are published up to the last accepted import",
  security: [{ bearer: [] }],
  responses: {
    200: { description: "The statistics ledger's publish status", content: { "application/json": { schema: statusSchema } } },
    ...adminErrorResponses,
  },
});

export function registerStatisticsStatusRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => c.json(await c.var.services.statsLedger().publishStatus(), 200));
}
