/**
 * @module
 * Reading corridors from KV. Writing goes through the corridor's ledger (see corridor-ledger.ts),
 * which is the only writer of a corridor's key.
 */
import type { CorridorDoc, CorridorSummary } from "../domain/corridor.ts";
import { keys } from "./keys.ts";
import { listMetadata } from "./kv-list.ts";

export interface CorridorsRepo {
  get(id: string): Promise<CorridorDoc | null>;
  /** The document as stored (JSON text): lets a reader reuse what it derived from an unchanged version. */
  getRaw(id: string): Promise<string | null>;
  /**
   * The document as stored and, in the same KV operation (a bulk get), other keys' text values:
   * a comparison reads its corridor and the reference rates it expects to need in one operation.
   */
  getRawWith(id: string, others: string[]): Promise<{ raw: string | null; others: Map<string, string | null> }>;
  /** Every corridor's summary, from the listing's metadata: one KV operation per 1000 corridors. */
  list(): Promise<CorridorSummary[]>;
}

export function kvCorridorsRepo(kv: KVNamespace): CorridorsRepo {
  return {
    get: (id) => kv.get<CorridorDoc>(keys.corridor(id), "json"),
    getRaw: (id) => kv.get(keys.corridor(id), "text"),
    async getRawWith(id, others) {
      const key = keys.corridor(id);
      if (others.length === 0) return { raw: await kv.get(key, "text"), others: new Map() };
      // A bulk get takes at most 100 keys; the corridor's own key is one of them.
      const found = await kv.get([key, ...others.slice(0, 99)], "text");
      const raw = found.get(key) ?? null;
      found.delete(key);
      return { raw, others: found };
    },
    list: () => listMetadata<CorridorSummary>(kv, keys.corridorPrefix),
  };
}
