/**
 * @module
 * Who owns the alert subscriptions a request reads or changes: a partner (`X-Api-Key`) or the
 * holder of an operator or collector token (`Authorization: Bearer`). Every subscription belongs to
 * exactly one owner and is reachable only by it; providers' tokens publish quotes and nothing else.
 */
import { createMiddleware } from "hono/factory";
import type { Principal } from "../domain/principals.ts";
import { callerOf } from "./admin-auth.ts";
import { ApiError } from "./problem.ts";
import type { AppEnv } from "./services.ts";

/** An owner id that no other caller can take: the kind of credential, then its id. */
export function ownerOfPrincipal(principal: Principal): string | undefined {
  if (principal.role === "operator") return "operator";
  if (principal.role === "collector") return `collector:${principal.id}`;
  return undefined;
}

export const ownerOfPartner = (partnerKeyId: string) => `partner:${partnerKeyId}`;

const unauthorized = (detail: string) => new ApiError(401, "unauthorized", "Authentication required", detail, {}, { "www-authenticate": `Bearer realm="tenc-alerts"` });

export const alertsOwner = createMiddleware<AppEnv>(async function alertsOwner(c, next) {
  const { partnerKeys, tokens } = c.var.services;
  const key = c.req.header("x-api-key");
  const authorization = c.req.header("authorization");
  let owner: string | undefined;
  if (key !== undefined) {
    const partner = await partnerKeys.verify(key.trim());
    if (!partner) throw unauthorized("header 'X-Api-Key' is unknown or revoked");
    owner = ownerOfPartner(partner.id);
  } else if (authorization !== undefined) {
    const principal = await callerOf(authorization, c.env.ADMIN_TOKEN, tokens.authenticate);
    if (!principal) throw unauthorized("the bearer token is not valid (unknown or revoked)");
    owner = ownerOfPrincipal(principal);
    if (!owner) throw new ApiError(403, "forbidden", "Not allowed", `a ${principal.role} token may not manage alert subscriptions`);
  } else {
    throw unauthorized("send 'X-Api-Key: <partner key>' or 'Authorization: Bearer <operator or collector token>'");
  }
  c.set("owner", owner);
  await next();
});
