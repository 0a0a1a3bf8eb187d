/**
 * @module
 * Reference rates in KV: one key per currency pair, last write wins (rates have one writer, the
 * operator, and a newer rate is meant to replace an older one).
 */
import { candidatePairs, resolveMid, type ReferenceRate, type ResolvedMid } from "../domain/reference-rates.ts";
import { keys } from "./keys.ts";

export interface RatesRepo {
  put(rate: ReferenceRate): Promise<void>;
  get(base: string, quote: string): Promise<ReferenceRate | null>;
  /** Resolves every pair with one KV read (a bulk get), whatever the number of pairs. */
  resolve(pairs: [string, string][]): Promise<Map<string, ResolvedMid | undefined>>;
  /** The rates stored for exactly these pairs (no inverse or cross), by `BASE/QUOTE`. */
  stored(pairs: [string, string][]): Promise<Map<string, ReferenceRate>>;
}

export const pairKey = (base: string, quote: string) => `${base}/${quote}`;

// A bulk get takes at most 100 keys per operation.
const BULK_GET_LIMIT = 100;

export function kvRatesRepo(kv: KVNamespace): RatesRepo {
  return {
    async put(rate) {
      await kv.put(keys.rate(rate.base, rate.quote), JSON.stringify(rate));
    },
    get: (base, quote) => kv.get<ReferenceRate>(keys.rate(base, quote), "json"),
    async resolve(pairs) {
      const wanted = [...new Set(pairs.flatMap(([b, q]) => candidatePairs(b, q).map(([x, y]) => keys.rate(x, y))))];
      const found = new Map<string, ReferenceRate | null>();
      for (let i = 0; i < wanted.length; i += BULK_GET_LIMIT) {
        const chunk = await kv.get<ReferenceRate>(wanted.slice(i, i + BULK_GET_LIMIT), "json");
        for (const [k, v] of chunk) found.set(k, v);
      }
      const lookup = (b: string, q: string) => found.get(keys.rate(b, q)) ?? undefined;
      return new Map(pairs.map(([b, q]) => [pairKey(b, q), resolveMid(b, q, lookup)]));
    },
    async stored(pairs) {
      const out = new Map<string, ReferenceRate>();
      for (let i = 0; i < pairs.length; i += BULK_GET_LIMIT) {
        const chunk = pairs.slice(i, i + BULK_GET_LIMIT);
        const found = await kv.get<ReferenceRate>(chunk.map(([b, q]) => keys.rate(b, q)), "json");
        for (const [b, q] of chunk) {
          const rate = found.get(keys.rate(b, q));
          if (rate) out.set(pairKey(b, q), rate);
        }
      }
      return out;
    },
  };
}
