/**
 * @module
 * The first answer to each `Idempotency-Key`, kept a day: one key per caller and idempotency key,
 * so two callers can neither collide nor read each other's answers.
 */
import { keys } from "./keys.ts";

export interface StoredAnswer {
  /** SHA-256 of method, path, query and body: the same key with another request is refused. */
  fingerprint: string;
  status: number;
  contentType: string;
  body: string;
  /** The answer showed a secret: only its status is kept, and a repeat is refused (409). */
  withheld?: true;
}

export interface IdempotencyRepo {
  get(principal: string, keyHash: string): Promise<StoredAnswer | null>;
  put(principal: string, keyHash: string, answer: StoredAnswer): Promise<void>;
}

export const IDEMPOTENCY_TTL_SECONDS = 86_400;

export function kvIdempotencyRepo(kv: KVNamespace): IdempotencyRepo {
  return {
    get: (principal, keyHash) => kv.get<StoredAnswer>(keys.idempotency(principal, keyHash), "json"),
    put: (principal, keyHash, answer) => kv.put(keys.idempotency(principal, keyHash), JSON.stringify(answer), { expirationTtl: IDEMPOTENCY_TTL_SECONDS }),
  };
}
