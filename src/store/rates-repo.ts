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
   * Resolves every pair with one KV read (a bulk get), whatever the number of pairs, or none when
   * the repository may reuse what this isolate read lately (RatesRepoOptions). `priceAt`: the
   * newest price each pair (`BASE/QUOTE`) will measure, given with the same `pairs` array each time.
   */
  resolve(pairs: [string, string][], priceAt?: ReadonlyMap<string, number>): Promise<ReadonlyMap<string, ResolvedMid | undefined>>;
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

export interface RatesRepoOptions {
  /**
   * Reuse rates this isolate read less than this many milliseconds ago. KV itself may show a
   * write up to 60 s late; a few seconds more spare every comparison a second KV read. A write
   * through any repository of this isolate forgets them all, so its writer reads afresh.
   */
  reuseForMs?: number;
}

/** Rates read in this isolate, by KV key (null: none stored), with when they were read. */
const recentlyRead = new Map<string, { rate: ReferenceRate | null; at: number }>();
/** Rate keys are few (pairs × 4 candidates); the bound only guards against a pathological caller. */
const RECENT_LIMIT = 10_000;

/**
 * Resolutions made from reused rates, by the very array of pairs asked for (a prepared corridor
 * asks with the same array every time), until the oldest rate behind them is due to be read again.
 * Resolving builds Decimals, and inverse and cross rates, anew: it stood out in a CPU profile of the
 * comparison route. Replaced when a rate is written through this isolate.
 */
let resolvedLately = new WeakMap<[string, string][], { mids: ReadonlyMap<string, ResolvedMid | undefined>; until: number }>();

export function kvRatesRepo(kv: KVNamespace, options: RatesRepoOptions = {}): RatesRepo {
  const reuseForMs = options.reuseForMs ?? 0;
  return {
    async put(rate) {
      await kv.put(keys.rate(rate.base, rate.quote), JSON.stringify(rate));
      recentlyRead.clear();
      resolvedLately = new WeakMap();
    },
    get: (base, quote) => kv.get<ReferenceRate>(keys.rate(base, quote), "json"),
    async resolve(pairs, priceAt) {
      const now = Date.now();
      const lately = reuseForMs > 0 ? resolvedLately.get(pairs) : undefined;
      if (lately && now < lately.until) return lately.mids;
      const found = new Map<string, ReferenceRate | null>();
      let wanted = rateKeysFor(pairs);
      // When the oldest rate used was read: the resolution may be reused until it is due again.
      let oldest = now;
      if (reuseForMs > 0) {
        for (const k of wanted) {
          const recent = recentlyRead.get(k);
          if (recent && now - recent.at < reuseForMs) {
            found.set(k, recent.rate);
            oldest = Math.min(oldest, recent.at);
          }
        }
        wanted = wanted.filter((k) => !found.has(k));
      }
      for (let i = 0; i < wanted.length; i += BULK_GET_LIMIT) {
        const chunk = await kv.get<ReferenceRate>(wanted.slice(i, i + BULK_GET_LIMIT), "json");
        if (recentlyRead.size > RECENT_LIMIT) recentlyRead.clear();
        for (const [k, v] of chunk) {
          found.set(k, v);
          if (reuseForMs > 0) recentlyRead.set(k, { rate: v, at: now });
        }
      }
      const lookup = (b: string, q: string) => found.get(keys.rate(b, q)) ?? undefined;
      const mids = new Map(pairs.map(([b, q]) => [pairKey(b, q), resolveMid(b, q, lookup, priceAt?.get(pairKey(b, q)))]));
      if (reuseForMs > 0) resolvedLately.set(pairs, { mids, until: oldest + reuseForMs });
      return mids;
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
