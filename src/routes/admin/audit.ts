/**
 * @module
 * `GET /v1/admin/audit`: the operator reads who wrote what, when, and what it replaced, newest
 * first, for one corridor, one provider, or everything.
 */
import { createRoute, z, type OpenAPIHono } from "@hono/zod-openapi";
import { idSlug } from "../../domain/schemas.ts";
import type { AppEnv } from "../../http/services.ts";
import { adminErrorResponses, corridorFrom } from "../params.ts";

const query = z
  .strictObject({
    corridor: z.string().min(1).max(20).optional().openapi({ description: "Only writes to this corridor", example: "KEN-UGA" }),
    provider: idSlug.optional().openapi({ description: "Only writes of (or tokens for) this provider", example: "alpha-remit" }),
    limit: z
      .string()
      .regex(/^[1-9]\d{0,3}$/, "must be a whole number from 1 to 1000")
      .refine((s) => Number(s) <= 1000, "must be at most 1000")
      .default("100")
      .openapi({ description: "At most this many records (default 100)" }),
  })
  .refine((q) => !(q.corridor && q.provider), { path: ["provider"], message: "give corridor or provider, not both" });

const auditRecord = z
  .object({
    id: z.string(),
    at: z.string(),
    actor: z.object({ id: z.string().openapi({ description: "A token id or \"operator\"; never a secret" }), role: z.string() }),
    action: z.string().openapi({ example: "quotes:write" }),
    target: z.object({ corridor: z.string().optional(), provider: z.string().optional(), pair: z.string().optional(), token: z.string().optional() }),
    value: z.unknown(),
    previous: z.unknown(),
  })
  .openapi("AuditRecord");

const route = createRoute({
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

export function registerAuditRoute(app: OpenAPIHono<AppEnv>) {
  app.openapi(route, async (c) => {
    const q = c.req.valid("query");
    const filter = q.corridor ? { corridor: corridorFrom(q.corridor).id } : q.provider ? { provider: q.provider } : {};
    const records = await c.var.services.audit.read(filter, Number(q.limit));
    return c.json({ records }, 200);
  });
}
