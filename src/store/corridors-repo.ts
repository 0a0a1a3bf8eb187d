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
  /** Every corridor's summary, from the listing's metadata: one KV operation per 1000 corridors. */
  list(): Promise<CorridorSummary[]>;
}

export function kvCorridorsRepo(kv: KVNamespace): CorridorsRepo {
  return {
    get: (id) => kv.get<CorridorDoc>(keys.corridor(id), "json"),
    getRaw: (id) => kv.get(keys.corridor(id), "text"),
    list: () => listMetadata<CorridorSummary>(kv, keys.corridorPrefix),
  };
}
