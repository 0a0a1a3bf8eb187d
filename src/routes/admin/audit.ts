/**
 * @module
 * `GET /v1/admin/audit`: the operator reads who wrote what, when, and what it replaced, newest
 * first, for one corridor, one provider, or everything.
 */
import * as z from "zod/mini";
import { idSlug } from "../../domain/schemas.ts";
import { defineRoute, named, type ApiApp } from "../../http/api-routes.ts";
import type { AppEnv } from "../../http/services.ts";
import { adminErrorResponses, corridorFrom } from "../params.ts";

const query = z
  .strictObject({
    corridor: z.optional(z.string().check(z.minLength(1), z.maxLength(20), z.meta({ description: "Only writes to this corridor", example: "KEN-UGA" }))),
    provider: z.optional(idSlug.check(z.meta({ description: "Only writes of (or tokens for) this provider", example: "alpha-remit" }))),
    limit: z._default(
      z.string().check(
        z.regex(/^[1-9]\d{0,3}$/, "must be a whole number from 1 to 1000"),
        z.refine((s) => Number(s) <= 1000, "must be at most 1000"),
        z.meta({ description: "At most this many records (default 100)" }),
      ),
      "100",
    ),
  })
  .check(z.refine((q) => !(q.corridor && q.provider), { path: ["provider"], message: "give corridor or provider, not both" }));

const auditRecord = named(
  "AuditRecord",
  z.object({
    id: z.string(),
    at: z.string(),
    actor: z.object({ id: z.string().check(z.meta({ description: "A token id or \"operator\"; never a secret" })), role: z.string() }),
    action: z.string().check(z.meta({ example: "quotes:write" })),
    target: z.object({ corridor: z.optional(z.string()), provider: z.optional(z.string()), pair: z.optional(z.string()), token: z.optional(z.string()) }),
    value: z.unknown(),
    previous: z.unknown(),
  }),
);

const route = defineRoute({
  method: "get",
  path: "/v1/admin/audit",
  tags: ["operators"],
  summary: "Read the audit trail of accepted writes, newest first",
  security: [{ bearer: [] }],
  request: { query },
  responses: {
    200: { description: "Audit records, newest first", content: { "application/json": { schema: z.object({ records: z.array(auditRecord) }) } } },
    ...adminErrorResponses,
  },
});

export function registerAuditRoute(app: ApiApp<AppEnv>) {
  app.openapi(route, async (c) => {
    const q = c.req.valid("query");
    const filter = q.corridor ? { corridor: corridorFrom(q.corridor).id } : q.provider ? { provider: q.provider } : {};
    const records = await c.var.services.audit.read(filter, Number(q.limit));
    return c.json({ records }, 200);
  });
}
