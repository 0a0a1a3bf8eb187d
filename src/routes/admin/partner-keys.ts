/**
 * @module
 * `POST/GET/DELETE /v1/admin/keys`: the operator issues and revokes partners' API keys. A key is
 * shown once, when issued; only its hash is kept. A revocation takes effect everywhere within
 * KV's 60 s propagation.
 */
import * as z from "zod/mini";
import { defineRoute, named, type ApiApp } from "../../http/api-routes.ts";
import { notFound } from "../../http/problem.ts";
import { auditedWrite } from "../../http/audited-write.ts";
import { showsSecret } from "../../http/idempotency.ts";
import type { AppEnv } from "../../http/services.ts";
import { adminErrorResponses, problem } from "../params.ts";

const partnerKeySchema = named(
  "PartnerKey",
  z.object({
    id: z.string().check(z.meta({ example: "3f2a9c0d1b7e4a55" })),
    name: z.string().check(z.meta({ example: "Diaspora portal" })),
    createdAt: z.string(),
  }),
);

const issueInput = named(
  "PartnerKeyInput",
  z.strictObject({ name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100), z.meta({ description: "Who the key is for", example: "Diaspora portal" })) }),
);

const idParams = z.object({
  id: z.string().check(z.regex(/^[0-9a-f]{16}$/, "must be 16 lower-case hex digits"), z.meta({ example: "3f2a9c0d1b7e4a55" })),
});

const { 404: _unusedOnCollection, ...collectionErrors } = adminErrorResponses;

const issueRoute = defineRoute({
  method: "post",
  path: "/v1/admin/keys",
  tags: ["operators"],
  summary: "Issue a partner API key (shown once)",
  security: [{ bearer: [] }],
  request: { body: { required: true, content: { "application/json": { schema: issueInput } } } },
  responses: {
    201: {
      description: "Issued: `key` is not stored and cannot be shown again",
      content: { "application/json": { schema: z.extend(partnerKeySchema, { key: z.string().check(z.meta({ description: "Send it as X-Api-Key" })) }) } },
    },
    ...collectionErrors,
  },
});

const listRoute = defineRoute({
  method: "get",
  path: "/v1/admin/keys",
  tags: ["operators"],
  summary: "List partner API keys (without the keys themselves)",
  security: [{ bearer: [] }],
  responses: {
    200: { description: "Every key", content: { "application/json": { schema: z.object({ keys: z.array(partnerKeySchema) }) } } },
    ...collectionErrors,
  },
});

const revokeRoute = defineRoute({
  method: "delete",
  path: "/v1/admin/keys/{id}",
  tags: ["operators"],
  summary: "Revoke a partner API key",
  security: [{ bearer: [] }],
  request: { params: idParams },
  responses: {
    204: { description: "Revoked" },
    ...adminErrorResponses,
    404: problem("No such key"),
  },
});

export function registerPartnerKeyRoutes(app: ApiApp<AppEnv>) {
  app.openapi(issueRoute, async (c) => {
    const { partnerKeys, now } = c.var.services;
    const minted = await partnerKeys.mint(c.req.valid("json").name, now());
    await auditedWrite(c, { action: "keys:issue", target: { partnerKey: minted.summary.id }, value: minted.summary, previous: null }, () => partnerKeys.store(minted));
    showsSecret(c);
    return c.json({ ...minted.summary, key: minted.key }, 201);
  });

  app.openapi(listRoute, async (c) => c.json({ keys: await c.var.services.partnerKeys.list() }, 200));

  app.openapi(revokeRoute, async (c) => {
    const { id } = c.req.valid("param");
    const { partnerKeys } = c.var.services;
    const current = await partnerKeys.find(id);
    if (!current) throw notFound(`no partner key ${id}`);
    await auditedWrite(c, { action: "keys:revoke", target: { partnerKey: id }, value: null, previous: current }, () => partnerKeys.revoke(id));
    return c.body(null, 204);
  });
}
