/**
 * @module
 * `POST/GET /v1/admin/tokens`, `DELETE /v1/admin/tokens/{id}`: the operator issues, lists and
 * revokes the tokens of providers and data collectors. A token's secret is answered once, at
 * issue, and stored nowhere: KV keeps only its SHA-256.
 */
import * as z from "zod/mini";
import { idSlug } from "../../domain/schemas.ts";
import { auditedWrite } from "../../http/audited-write.ts";
import { showsSecret } from "../../http/idempotency.ts";
import { defineRoute, named, type ApiApp } from "../../http/api-routes.ts";
import { notFound } from "../../http/problem.ts";
import type { AppEnv } from "../../http/services.ts";
import { TOKEN_ID } from "../../store/tokens-repo.ts";
import { adminErrorResponses } from "../params.ts";

const grant = named(
  "TokenGrant",
  z.discriminatedUnion("role", [
    z.strictObject({ role: z.literal("provider"), providerId: idSlug.check(z.meta({ example: "alpha-remit" })) }),
    z.strictObject({ role: z.literal("collector") }),
  ]),
);

const tokenInfo = named(
  "TokenInfo",
  z.object({ id: z.string().check(z.meta({ example: "tok_0123456789abcdef01234567" })), role: z.enum(["provider", "collector"]), providerId: z.optional(z.string()), createdAt: z.string() }),
);

const issueRoute = defineRoute({
  method: "post",
  path: "/v1/admin/tokens",
  tags: ["operators"],
  summary: "Issue a provider or collector token (the secret is shown in this answer only)",
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { "application/json": { schema: grant } } } },
  responses: {
    201: { description: "Issued", content: { "application/json": { schema: z.extend(tokenInfo, { token: z.string().check(z.meta({ description: "The bearer secret: store it now, it is not kept" })) }) } } },
    ...adminErrorResponses,
  },
});

const listRoute = defineRoute({
  method: "get",
  path: "/v1/admin/tokens",
  tags: ["operators"],
  summary: "List issued tokens (never their secrets)",
  security: [{ bearer: [] }],
  responses: {
    200: { description: "Every live token", content: { "application/json": { schema: z.object({ tokens: z.array(tokenInfo) }) } } },
    ...adminErrorResponses,
  },
});

const revokeRoute = defineRoute({
  method: "delete",
  path: "/v1/admin/tokens/{id}",
  tags: ["operators"],
  summary: "Revoke a token",
  security: [{ bearer: [] }],
  request: { params: z.object({ id: z.string().check(z.regex(TOKEN_ID, "must be a token id such as tok_0123456789abcdef01234567")) }) },
  responses: {
    200: { description: "Revoked", content: { "application/json": { schema: z.object({ id: z.string(), revoked: z.literal(true) }) } } },
    ...adminErrorResponses,
  },
});

export function registerTokenRoutes(app: ApiApp<AppEnv>) {
  app.openapi(issueRoute, async (c) => {
    const { tokens, now } = c.var.services;
    const minted = await tokens.mint(c.req.valid("json"), now());
    const { info } = minted;
    await auditedWrite(c, { action: "tokens:issue", target: { token: info.id, provider: info.providerId }, value: info, previous: null }, () => tokens.store(minted));
    showsSecret(c);
    return c.json({ ...info, token: minted.secret }, 201);
  });

  app.openapi(listRoute, async (c) => c.json({ tokens: await c.var.services.tokens.list() }, 200));

  app.openapi(revokeRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { tokens } = c.var.services;
    const current = await tokens.find(id);
    if (!current) throw notFound(`no token ${id}`);
    await auditedWrite(c, { action: "tokens:revoke", target: { token: id, provider: current.providerId }, value: null, previous: current }, () => tokens.revoke(id));
    return c.json({ id, revoked: true as const }, 200);
  });
}
