/**
 * @module
 * Rate limits with the Workers rate-limiting bindings: per partner key when `X-Api-Key` is sent,
 * otherwise per client address. The operator and holders of issued tokens (providers, collectors)
 * are never counted, nor is the machine the service runs on (a local copy serves its owner).
 */
import { createMiddleware } from "hono/factory";
import { callerOf } from "./admin-auth.ts";
import { ApiError } from "./problem.ts";
import type { AppEnv } from "./services.ts";

/** IPv4 127.0.0.0/8, IPv6 ::1 (however written), and 127.x mapped into IPv6. */
const LOOPBACK = /^(127\.\d{1,3}\.\d{1,3}\.\d{1,3}|(0{0,4}:){2,7}0{0,3}1|::1|(0{0,4}:){0,5}:?ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3})$/i;

/**
 * Whether the client is this machine. Cloudflare's edge sets CF-Connecting-IP to the real client
 * address (overwriting any sent), so only a local run (`npm start`, `wrangler dev`) ever sees one.
 */
export const isLoopback = (address: string) => LOOPBACK.test(address.trim().replace(/^\[|\]$/g, ""));

export const rateLimit = createMiddleware<AppEnv>(async function rateLimit(c, next) {
  if (await callerOf(c.req.header("authorization"), c.env.ADMIN_TOKEN, c.var.services.tokens.authenticate)) return next();

  const presented = c.req.header("x-api-key");
  let limiter: RateLimit | undefined;
  let key: string;
  if (presented !== undefined) {
    const partner = await c.var.services.partnerKeys.verify(presented.trim());
    if (!partner) {
      throw new ApiError(401, "invalid-api-key", "The API key is not valid", "header 'X-Api-Key' is unknown or revoked; omit it to use the per-address limits", { field: "X-Api-Key" });
    }
    limiter = c.env.PARTNER_LIMITER;
    key = `key:${partner.id}`;
  } else {
    // Cloudflare's edge sets (and overwrites) this on every request from the internet; a request
    // without it comes from inside (a test, a service binding) and has no address to count.
    const address = c.req.header("cf-connecting-ip");
    if (!address || isLoopback(address)) return next();
    limiter = c.env.ADDRESS_LIMITER;
    key = `ip:${address}`;
  }
  // A deployment may leave the limiters out (no [[ratelimits]]): then nothing is limited.
  if (limiter && !(await limiter.limit({ key })).success) {
    const retryAfter = c.env.RATE_LIMIT_PERIOD_SECONDS ?? "60";
    throw new ApiError(429, "rate-limited", "Too many requests", `over the limit for this ${presented !== undefined ? "API key" : "address"}; retry after ${retryAfter} s`, {}, { "retry-after": retryAfter });
  }
  await next();
});
