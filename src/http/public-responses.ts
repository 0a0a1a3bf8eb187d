/**
 * @module
 * What every public response gets and no admin response does: CORS for any origin, an ETag with
 * `If-None-Match` → 304, and a `Cache-Control` that matches KV's own freshness (a write can take
 * up to 60 s to be seen everywhere, so a minute of caching hides nothing that KV would show).
 */
import { cors } from "hono/cors";
import { etag } from "hono/etag";
import { createMiddleware } from "hono/factory";
import type { Context } from "hono";
import type { AppEnv } from "./services.ts";
import { hex } from "../store/hash.ts";

export const PUBLIC_CACHE_CONTROL = "public, max-age=60, stale-while-revalidate=60";

export const isAdminPath = (path: string) => path === "/v1/admin" || path.startsWith("/v1/admin/");
/** Answers only their owner may see (alert subscriptions and deliveries): never kept by a shared cache. */
const isOwnersPath = (path: string) => path === "/v1/alerts" || path.startsWith("/v1/alerts/");
export const OWNERS_CACHE_CONTROL = "private, no-store";

const allowAnyOrigin = cors({
  origin: "*",
  allowMethods: ["GET", "HEAD", "OPTIONS"],
  allowHeaders: ["X-Api-Key", "If-None-Match"],
  exposeHeaders: ["ETag", "Retry-After"],
  maxAge: 86400,
});
const entityTag = etag();

export const publicResponses = createMiddleware<AppEnv>(async function publicResponses(c, next) {
  if (isAdminPath(c.req.path)) return next();
  const response = await allowAnyOrigin(c, async () => {
    await entityTag(c, async () => {
      await next();
      // Only successes are cacheable; a route that knows better sets its own.
      if ((c.req.method === "GET" || c.req.method === "HEAD") && c.res.status === 200 && !c.res.headers.has("cache-control")) {
        c.header("cache-control", isOwnersPath(c.req.path) ? OWNERS_CACHE_CONTROL : PUBLIC_CACHE_CONTROL);
      }
    });
  });
  // A CORS preflight is answered by the middleware itself, without running the route.
  if (response) return response;
});

const utf8 = new TextEncoder();

/**
 * A JSON body sent with its entity tag worked out from the bytes in hand: the tag the ETag
 * middleware would give (the SHA-1 of the body), which then takes it as it is, instead of teeing
 * the response and re-reading it in chunks — in a profile, more CPU than a 50-product comparison.
 */
export async function jsonWithEntityTag(c: Context, text: string): Promise<Response> {
  const bytes = utf8.encode(text) as Uint8Array<ArrayBuffer>;
  const tag = hex(await crypto.subtle.digest("SHA-1", bytes));
  return c.body(bytes, 200, { "content-type": "application/json", etag: `"${tag}"` });
}
