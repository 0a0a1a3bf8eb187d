/**
 * @module
 * The region of a country, for averages by sending and receiving region: the UN M49 sub-regions
 * as the world-countries table gives them ("Eastern Africa", "Southern Asia", …).
 */
import worldCountries from "world-countries";

// world-countries codes Kosovo UNK; this service writes it XKX (see countries.ts).
const ALIASES: Record<string, string> = { XKX: "UNK" };

let byAlpha3: Map<string, string> | undefined;

export function regionOf(alpha3: string): string {
  byAlpha3 ??= new Map(worldCountries.map((c) => [c.cca3, c.subregion || c.region || "Other"]));
  return byAlpha3.get(ALIASES[alpha3] ?? alpha3) ?? "Other";
}
