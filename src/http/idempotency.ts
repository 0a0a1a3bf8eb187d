/**
 * @module
 * `Idempotency-Key` on admin writes: the first successful answer is kept, a repeat of the same
 * request gets it back without running again, and the same key on a different request is a 422.
 * Only successes are kept: a failed request changed nothing, so running its repeat is safe.
 * An answer that shows a secret (a new token or partner key) is never kept: only that the request
 * succeeded is, and its repeat is a 409 saying so, rather than a second secret issued.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import { hex, sha256Hex } from "../store/hash.ts";
import type { StoredAnswer } from "../store/idempotency-repo.ts";
import { ApiError, badRequest } from "./problem.ts";
import type { AppEnv } from "./services.ts";

export const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const KEY_SYNTAX = /^[\x21-\x7e]{1,255}$/;
/**
 * The shape of every secret this service issues (tokens `tenc_<43>`, partner keys `tenc_<id>_<43>`,
 * webhook signing secrets `whsec_…`): a second guard, so that an answer whose handler forgot
 * `showsSecret` is not kept either.
 */
const SECRET_SHAPE = /tenc_[A-Za-z0-9_-]{43}|whsec_[A-Za-z0-9+/=]{16,}/;
/** The routes whose POST answer shows a secret (their handlers call `showsSecret`): the OpenAPI document lists their 409. */
export const SHOWS_SECRET_PATHS = new Set(["/v1/admin/tokens", "/v1/admin/keys"]);

/** Marks this request's answer as showing a secret: not stored for replay, nor by any cache. */
export function showsSecret(c: Context<AppEnv>) {
  c.set("showsSecret", true);
  c.header("cache-control", "no-store");
}

/**
 * SHA-256 of the request line and the body, hashed as the body streams in. The handler still reads
 * the body after this (an import reads it as a stream): it gets the other branch of a tee.
 */
async function fingerprint(c: Context<AppEnv>, url: URL): Promise<string> {
  const digest = new crypto.DigestStream("SHA-256");
  const writer = digest.getWriter();
  await writer.write(new TextEncoder().encode(`${c.req.method} ${url.pathname}?${url.search}\n`));
  writer.releaseLock();
  const body = c.req.raw.body;
  if (body) {
    const [hashed, kept] = body.tee();
    c.req.raw = new Request(c.req.raw, { body: kept });
    await hashed.pipeTo(digest);
  } else await digest.close();
  return hex(await digest.digest);
}

export const idempotency = createMiddleware<AppEnv>(async function idempotency(c, next) {
  const key = c.req.header("idempotency-key");
  if (key === undefined || !WRITES.has(c.req.method)) return next();
  if (!KEY_SYNTAX.test(key)) throw badRequest("Idempotency-Key must be 1 to 255 visible ASCII characters", { field: "Idempotency-Key" });
  const url = new URL(c.req.url);

  const principal = c.var.principal?.id ?? "anonymous";
  const { idempotency: store } = c.var.services;
  const [keyHash, print] = await Promise.all([sha256Hex(key), fingerprint(c, url)]);
  const first = await store.get(principal, keyHash);
  if (first) {
    if (first.fingerprint !== print) {
      throw new ApiError(422, "idempotency-key-reused", "Idempotency-Key reused", "this Idempotency-Key was first used with a different request; use a new key for a new request", { field: "Idempotency-Key" });
    }
    if (first.withheld) {
      throw new ApiError(
        409,
        "idempotent-answer-withheld",
        "The first answer showed a secret and was not kept",
        `this request already succeeded (${first.status}); its answer showed a secret once and is stored nowhere, so it cannot be shown again and nothing was issued twice. If the secret was lost, revoke what was issued and issue anew without this Idempotency-Key`,
        { field: "Idempotency-Key", firstStatus: first.status },
      );
    }
    return new Response(first.body, { status: first.status, headers: { "content-type": first.contentType, "idempotent-replayed": "true" } });
  }
  await next();
  if (c.res.status < 200 || c.res.status > 299) return;
  const body = await c.res.clone().text();
  const withheld = c.var.showsSecret === true || SECRET_SHAPE.test(body);
  const answer: StoredAnswer = withheld
    ? { fingerprint: print, status: c.res.status, contentType: "", body: "", withheld: true }
    : { fingerprint: print, status: c.res.status, contentType: c.res.headers.get("content-type") ?? "application/json", body };
  try {
    await store.put(principal, keyHash, answer);
  } catch (err) {
    // The write itself is done and must be reported as done; only its replay is lost.
    console.error("idempotency record not kept", err);
  }
});
