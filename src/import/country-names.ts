/**
 * @module
 * English country names, as the World Bank writes them, to ISO 3166-1 alpha-3: the World Bank's own
 * conventions ("Congo, Dem. Rep.", "St. Lucia", "Venezuela, RB") that no table knows, then the names
 * of i18n-iso-countries and the English spellings of world-countries, which
 * scripts/make-iso-tables.ts resolves ahead of time (i18n-iso-countries first) into two tables.
 */
import { toAlpha3 } from "../domain/countries.ts";
import { COUNTRIES, SPELLINGS } from "../domain/generated-iso-tables.ts";

const WORLD_BANK_NAMES: Record<string, string> = {
  "bahamas, the": "BHS",
  "cabo verde": "CPV",
  "congo, dem. rep.": "COD",
  "congo, rep.": "COG",
  "egypt, arab rep.": "EGY",
  "gambia, the": "GMB",
  "hong kong sar, china": "HKG",
  "iran, islamic rep.": "IRN",
  "korea, dem. rep.": "PRK",
  "korea, dem. people's rep.": "PRK",
  "korea, rep.": "KOR",
  "lao pdr": "LAO",
  "macao sar, china": "MAC",
  "macedonia, fyr": "MKD",
  "micronesia, fed. sts.": "FSM",
  "st. kitts and nevis": "KNA",
  "st. lucia": "LCA",
  "st. martin (french part)": "MAF",
  "st. vincent and the grenadines": "VCT",
  "venezuela, rb": "VEN",
  "virgin islands (u.s.)": "VIR",
  "west bank and gaza": "PSE",
  "yemen, rep.": "YEM",
  "kosovo": "XKX",
};

let names: Map<string, string> | undefined;

/** Lower-case name → alpha-3: every country's name (`KE KEN Kenya`), then the other spellings (`KEN:republic of kenya|…`), which win. */
function englishNames(): Map<string, string> {
  if (!names) {
    names = new Map();
    for (const line of COUNTRIES.trim().split("\n")) names.set(line.slice(7).toLowerCase(), line.slice(3, 6));
    for (const line of SPELLINGS.trim().split("\n")) {
      const [code, spellings] = line.split(":") as [string, string];
      for (const spelling of spellings.split("|")) names.set(spelling, code);
    }
  }
  return names;
}

/** The alpha-3 code of a country's English name, or undefined when no table knows it. */
export function alpha3OfName(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  if (!key) return undefined;
  const known = WORLD_BANK_NAMES[key];
  return known ? toAlpha3(known) : englishNames().get(key);
}
