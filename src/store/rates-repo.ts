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
  /**
   * Resolves every pair with one KV read (a bulk get), whatever the number of pairs. Keys already
   * read (`prefetched`, text values by KV key, as `keysFor` names them) are not read again: with all
   * of them there, no KV operation at all.
   */
  resolve(pairs: [string, string][], prefetched?: Map<string, string | null>): Promise<Map<string, ResolvedMid | undefined>>;
  /** The rates stored for exactly these pairs (no inverse or cross), by `BASE/QUOTE`. */
  stored(pairs: [string, string][]): Promise<Map<string, ReferenceRate>>;
}

/** The KV keys whose rates could resolve `pairs`. */
export function rateKeysFor(pairs: [string, string][]): string[] {
  return [...new Set(pairs.flatMap(([b, q]) => candidatePairs(b, q).map(([x, y]) => keys.rate(x, y))))];
}

export const pairKey = (base: string, quote: string) => `${base}/${quote}`;

// A bulk get takes at most 100 keys per operation.
const BULK_GET_LIMIT = 100;

function parseRate(text: string | null): ReferenceRate | null {
  return text === null ? null : (JSON.parse(text) as ReferenceRate);
}

export function kvRatesRepo(kv: KVNamespace): RatesRepo {
  return {
    async put(rate) {
      await kv.put(keys.rate(rate.base, rate.quote), JSON.stringify(rate));
    },
    get: (base, quote) => kv.get<ReferenceRate>(keys.rate(base, quote), "json"),
    async resolve(pairs, prefetched) {
      const found = new Map<string, ReferenceRate | null>();
      let wanted = rateKeysFor(pairs);
      if (prefetched) {
        for (const k of wanted) if (prefetched.has(k)) found.set(k, parseRate(prefetched.get(k)!));
        wanted = wanted.filter((k) => !prefetched.has(k));
      }
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
