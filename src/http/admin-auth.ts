/**
 * @module
 * `Authorization: Bearer <ADMIN_TOKEN>` on every admin route, compared in constant time.
 */
import { createMiddleware } from "hono/factory";
import { ApiError } from "./problem.ts";
import type { AppEnv } from "./services.ts";

const encoder = new TextEncoder();

/** Hashing both sides first makes the comparison constant-time even when the lengths differ. */
async function sameSecret(a: string, b: string): Promise<boolean> {
  const [ha, hb] = await Promise.all([crypto.subtle.digest("SHA-256", encoder.encode(a)), crypto.subtle.digest("SHA-256", encoder.encode(b))]);
  return crypto.subtle.timingSafeEqual(ha, hb);
}

/** Whether the request carries the admin bearer token (used to exempt the operator from rate limits). */
export async function hasAdminToken(authorization: string | undefined, expected: string | undefined): Promise<boolean> {
  const match = /^Bearer (\S+)$/i.exec(authorization ?? "");
  return Boolean(match && expected && (await sameSecret(match[1]!, expected)));
}

export const adminAuth = createMiddleware<AppEnv>(async function adminAuth(c, next) {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer (\S+)$/i.exec(header);
  const expected = c.env.ADMIN_TOKEN;
  if (!match) {
    throw new ApiError(401, "unauthorized", "Authentication required", "send 'Authorization: Bearer <token>'", {}, { "www-authenticate": 'Bearer realm="tenc-admin"' });
  }
  if (!expected || !(await sameSecret(match[1]!, expected))) {
    throw new ApiError(401, "unauthorized", "Authentication required", "the token is not valid", {}, { "www-authenticate": 'Bearer realm="tenc-admin", error="invalid_token"' });
  }
  await next();
});
