/**
 * @module
 * The region of a country, for averages by sending and receiving region: the UN M49 sub-regions
 * as the world-countries table gives them ("Eastern Africa", "Southern Asia", …), corrected where
 * it departs from M49 and copied by scripts/make-iso-tables.ts (the library itself is 690 KB minified).
 */
import { SUBREGIONS } from "./generated-iso-tables.ts";

// world-countries codes Kosovo UNK; this service writes it XKX (see countries.ts).
const ALIASES: Record<string, string> = { XKX: "UNK" };

let byAlpha3: Map<string, string> | undefined;

/**
 * A fingerprint of the table (FNV-1a of its JSON): published global documents name regions, so a
 * corrected table must republish them (src/store/stats-ledger.ts), and only then.
 */
export const REGIONS_VERSION: string = (() => {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify([SUBREGIONS, ALIASES])) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16);
})();

export function regionOf(alpha3: string): string {
  byAlpha3 ??= new Map(Object.entries(SUBREGIONS).flatMap(([region, codes]) => codes.split(" ").map((code) => [code, region] as const)));
  return byAlpha3.get(ALIASES[alpha3] ?? alpha3) ?? "Other";
}
