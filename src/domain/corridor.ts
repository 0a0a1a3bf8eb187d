/**
 * @module
 * A corridor's published quotes: the document a comparison reads, and the summary a listing shows.
 */
import { countryName, type CorridorId } from "./countries.ts";
import type { ProductInput, ProviderInput } from "./schemas.ts";

/** One provider's products in one corridor, as last written by that provider. */
export interface ProviderEntry {
  id: string;
  provider: ProviderInput;
  products: ProductInput[];
  updatedAt: string;
}

/** Everything a comparison needs about one corridor, kept in one KV value. */
export interface CorridorDoc {
  id: string;
  from: string;
  to: string;
  updatedAt: string;
  /** Sorted by provider id, so the document is the same whatever order the writes came in. */
  providers: ProviderEntry[];
}

export interface CorridorSummary {
  id: string;
  from: { code: string; name: string };
  to: { code: string; name: string };
  sendCurrencies: string[];
  receiveCurrencies: string[];
  providers: number;
  products: number;
  updatedAt: string;
  /** True when any price in the corridor is sample data rather than an observation. */
  sample: boolean;
}

export function emptyCorridor(id: CorridorId, at: string): CorridorDoc {
  return { id: id.id, from: id.from, to: id.to, updatedAt: at, providers: [] };
}

/** Returns a new document with `entry` replacing that provider's products, and only those. */
export function withProvider(doc: CorridorDoc, entry: ProviderEntry): CorridorDoc {
  const providers = doc.providers.filter((p) => p.id !== entry.id);
  providers.push(entry);
  providers.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { ...doc, updatedAt: entry.updatedAt > doc.updatedAt ? entry.updatedAt : doc.updatedAt, providers };
}

/** Currencies by how many products use them, most used first: the first is the corridor's main one. */
function byUse(codes: string[]): string[] {
  const counts = new Map<string, number>();
  for (const c of codes) counts.set(c, (counts.get(c) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([c]) => c);
}

export function summarize(doc: CorridorDoc): CorridorSummary {
  const products = doc.providers.flatMap((p) => p.products);
  return {
    id: doc.id,
    from: { code: doc.from, name: countryName(doc.from) },
    to: { code: doc.to, name: countryName(doc.to) },
    sendCurrencies: byUse(products.map((p) => p.sendCurrency)),
    receiveCurrencies: byUse(products.map((p) => p.receiveCurrency)),
    providers: doc.providers.length,
    products: products.length,
    updatedAt: doc.updatedAt,
    sample: products.some((p) => p.sample),
  };
}

/** The distinct sources cited by the corridor's products. */
export function sources(doc: CorridorDoc): string[] {
  return [...new Set(doc.providers.flatMap((p) => p.products.map((q) => q.source).filter((s): s is string => !!s)))].sort();
}
