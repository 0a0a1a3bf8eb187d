/**
 * @module
 * The Workers KV key layout, in one place. A corridor's comparison document is one key, written
 * only by that corridor's ledger (a Durable Object); a reference rate is one key per pair.
 */
export const keys = {
  corridor: (id: string) => `corridor:${id}`,
  corridorPrefix: "corridor:",
  rate: (base: string, quote: string) => `rate:${base}:${quote}`,
  /** A partner's API key: its SHA-256 only, never the key. */
  partnerKey: (id: string) => `partner-key:${id}`,
  partnerKeyPrefix: "partner-key:",
};
