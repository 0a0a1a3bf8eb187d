/**
 * @module
 * The KV binding as handlers see it: any failure of the store becomes a 503 problem with
 * Retry-After (or a 429 when KV refuses a write rate), instead of an unhandled 500. The wrapper
 * keeps the real binding's behaviour otherwise, so tests can wrap a real binding in a failing one.
 */
import { ApiError } from "./problem.ts";

export const STORE_RETRY_AFTER_SECONDS = 5;

export const storeUnavailable = (detail: string) =>
  new ApiError(503, "store-unavailable", "Storage unavailable", detail, {}, { "retry-after": String(STORE_RETRY_AFTER_SECONDS) });

function storeError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  const message = err instanceof Error ? err.message : String(err);
  // KV answers writes to one key faster than once a second with "429 Too Many Requests".
  if (/\b429\b|too many requests/i.test(message)) {
    return new ApiError(429, "too-many-writes", "Too many writes", "the store takes one write per second to a key; retry shortly", {}, { "retry-after": "1" });
  }
  return storeUnavailable("the data store did not answer; retry later");
}

/** A KV namespace whose every operation reports failure as an ApiError. */
export function guardedKv(kv: KVNamespace): KVNamespace {
  return new Proxy(kv, {
    get(target, prop) {
      const value = Reflect.get(target, prop, target);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        try {
          return await value.apply(target, args);
        } catch (err) {
          throw storeError(err);
        }
      };
    },
  });
}

/** A Durable Object call that failed is reported as the store being unavailable, never as a 500. */
export function unavailableOnFailure<T>(call: Promise<T>, what: string): Promise<T> {
  return call.catch((err: unknown) => {
    console.error(what, err);
    throw storeUnavailable(`${what}; retry later`);
  });
}
