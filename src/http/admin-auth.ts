/**
 * @module
 * `Authorization: Bearer <token>` on every admin route. The operator's ADMIN_TOKEN is compared in
 * constant time; any other token is looked up by its SHA-256 (see tokens-repo.ts). Then the
 * request is decided by the declarative policy in access-policy.ts: 401 for no or an unknown
 * token, 403 for a known token acting outside its grant.
 */
import { createMiddleware } from "hono/factory";
import type { Principal } from "../domain/principals.ts";
import { authorize } from "./access-policy.ts";
import { ApiError } from "./problem.ts";
import type { AppEnv } from "./services.ts";

const encoder = new TextEncoder();

/** Hashing both sides first makes the comparison constant-time even when the lengths differ. */
async function sameSecret(a: string, b: string): Promise<boolean> {
  const [ha, hb] = await Promise.all([crypto.subtle.digest("SHA-256", encoder.encode(a)), crypto.subtle.digest("SHA-256", encoder.encode(b))]);
  return crypto.subtle.timingSafeEqual(ha, hb);
}

const unauthorized = (detail: string, error?: string) =>
  new ApiError(401, "unauthorized", "Authentication required", detail, {}, { "www-authenticate": `Bearer realm="tenc-admin"${error ? `, error="${error}"` : ""}` });

async function principalOf(secret: string, operatorToken: string | undefined, authenticate: (s: string) => Promise<Principal | undefined>): Promise<Principal | undefined> {
  if (operatorToken && (await sameSecret(secret, operatorToken))) return { id: "operator", role: "operator" };
  // Issued tokens carry a prefix; anything else cannot be one, and costs no KV read.
  if (!secret.startsWith("tenc_") || secret.length > 100) return undefined;
  return authenticate(secret);
}

const bearer = (authorization: string | undefined) => /^Bearer ([\x21-\x7e]+)$/i.exec(authorization ?? "")?.[1];

/** The operator or an issued token's holder, when the request carries a valid token (rate limits exempt them). */
export async function callerOf(authorization: string | undefined, operatorToken: string | undefined, authenticate: (s: string) => Promise<Principal | undefined>): Promise<Principal | undefined> {
  const secret = bearer(authorization);
  return secret === undefined ? undefined : principalOf(secret, operatorToken, authenticate);
}

export const adminAuth = createMiddleware<AppEnv>(async function adminAuth(c, next) {
  const secret = bearer(c.req.header("authorization"));
  if (secret === undefined) throw unauthorized("send 'Authorization: Bearer <token>'");
  const principal = await principalOf(secret, c.env.ADMIN_TOKEN, c.var.services.tokens.authenticate);
  if (!principal) throw unauthorized("the token is not valid (unknown or revoked)", "invalid_token");
  const decision = authorize(principal, c.req.method, new URL(c.req.url).pathname);
  if (!decision.allowed) throw new ApiError(403, "forbidden", "Not allowed", decision.reason);
  c.set("principal", principal);
  await next();
});
