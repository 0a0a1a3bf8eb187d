/**
 * @module
 * The Workers KV key layout, in one place. A corridor's comparison document is one key, written
 * only by that corridor's ledger (a Durable Object); a reference rate is one key per pair.
 */
export const keys = {
  corridor: (id: string) => `corridor:${id}`,
  corridorPrefix: "corridor:",
  rate: (base: string, quote: string) => `rate:${base}:${quote}`,
};

/** Statistics documents, written only by the statistics ledger (stats-ledger.ts). */
export const statsKeys = {
  corridor: (id: string) => `stats:corridor:${id}`,
  period: (period: string) => `stats:period:${period}`,
  periods: "stats:periods",
};
