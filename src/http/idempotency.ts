/**
 * @module
 * `Idempotency-Key` on admin writes: the first successful answer is kept, a repeat of the same
 * request gets it back without running again, and the same key on a different request is a 422.
 * Only successes are kept: a failed request changed nothing, so running its repeat is safe.
 */
import { createMiddleware } from "hono/factory";
import { sha256Hex } from "../store/hash.ts";
import { ApiError, badRequest } from "./problem.ts";
import type { AppEnv } from "./services.ts";

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const KEY_SYNTAX = /^[\x21-\x7e]{1,255}$/;
/** Answers that carry a secret shown once (a new token) must not be stored, so cannot be replayed. */
const NOT_REPLAYABLE = new Set(["/v1/admin/tokens"]);

async function fingerprint(method: string, url: URL, body: ArrayBuffer): Promise<string> {
  const head = new TextEncoder().encode(`${method} ${url.pathname}?${url.search}\n`);
  const all = new Uint8Array(head.byteLength + body.byteLength);
  all.set(head);
  all.set(new Uint8Array(body), head.byteLength);
  return sha256Hex(all);
}

export const idempotency = createMiddleware<AppEnv>(async function idempotency(c, next) {
  const key = c.req.header("idempotency-key");
  if (key === undefined || !WRITES.has(c.req.method)) return next();
  if (!KEY_SYNTAX.test(key)) throw badRequest("Idempotency-Key must be 1 to 255 visible ASCII characters", { field: "Idempotency-Key" });
  const url = new URL(c.req.url);
  if (NOT_REPLAYABLE.has(url.pathname)) throw badRequest("this request returns a secret shown once and cannot be made idempotent; send it without Idempotency-Key", { field: "Idempotency-Key" });

  const principal = c.var.principal?.id ?? "anonymous";
  const { idempotency: store } = c.var.services;
  const body = await c.req.arrayBuffer();
  // Reading the body consumed c.req.raw's stream, which the import routes read: give it back.
  c.req.raw = new Request(c.req.raw, { body });
  const [keyHash, print] = await Promise.all([sha256Hex(key), fingerprint(c.req.method, url, body)]);
  const first = await store.get(principal, keyHash);
  if (first) {
    if (first.fingerprint !== print) {
      throw new ApiError(422, "idempotency-key-reused", "Idempotency-Key reused", "this Idempotency-Key was first used with a different request; use a new key for a new request", { field: "Idempotency-Key" });
    }
    return new Response(first.body, { status: first.status, headers: { "content-type": first.contentType, "idempotent-replayed": "true" } });
  }
  await next();
  if (c.res.status < 200 || c.res.status > 299) return;
  const answer = { fingerprint: print, status: c.res.status, contentType: c.res.headers.get("content-type") ?? "application/json", body: await c.res.clone().text() };
  try {
    await store.put(principal, keyHash, answer);
  } catch (err) {
    // The write itself is done and must be reported as done; only its replay is lost.
    console.error("idempotency record not kept", err);
  }
});
