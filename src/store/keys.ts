/**
 * @module
 * The Workers KV key layout, in one place. A corridor's comparison document is one key, written
 * only by that corridor's ledger (a Durable Object); a reference rate is one key per pair.
 * Tokens, audit records and idempotency records are one key each, so concurrent writers never
 * rewrite one another's key.
 */
export const keys = {
  corridor: (id: string) => `corridor:${id}`,
  corridorPrefix: "corridor:",
  rate: (base: string, quote: string) => `rate:${base}:${quote}`,
  /** A partner's API key: its SHA-256 only, never the key. */
  partnerKey: (id: string) => `partner-key:${id}`,
  partnerKeyPrefix: "partner-key:",
  /** An issued token, found by the SHA-256 of its secret; its public id is a prefix of that hash. */
  token: (hash: string) => `token:${hash}`,
  tokenPrefix: "token:",
  /** Audit records sort newest first: the time part of the key counts down. */
  audit: (index: string, invertedTime: string, unique: string) => `audit:${index}:${invertedTime}:${unique}`,
  auditPrefix: (index: string) => `audit:${index}:`,
  idempotency: (principal: string, keyHash: string) => `idem:${principal}:${keyHash}`,
};

/** Statistics documents, written only by the statistics ledger (stats-ledger.ts). */
export const statsKeys = {
  corridor: (id: string) => `stats:corridor:${id}`,
  period: (period: string) => `stats:period:${period}`,
  global: (period: string) => `stats:global:${period}`,
  /** The global figures at one survey amount, written as `GET /v1/stats/global` answers them. */
  globalAnswer: (period: string, amount: string) => `stats:global:${period}:${amount}`,
  periods: "stats:periods",
};
