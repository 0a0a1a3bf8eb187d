/**
 * @module
 * English country names, as the World Bank writes them, to ISO 3166-1 alpha-3: i18n-iso-countries
 * first, then world-countries' alternative spellings, then the World Bank's own conventions
 * ("Congo, Dem. Rep.", "St. Lucia", "Venezuela, RB") that neither table knows.
 */
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import worldCountries from "world-countries";
import { toAlpha3 } from "../domain/countries.ts";

countries.registerLocale(en);

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

let spellings: Map<string, string> | undefined;

/** The alpha-3 code of a country's English name, or undefined when no table knows it. */
export function alpha3OfName(name: string): string | undefined {
  const key = name.trim().toLowerCase();
  if (!key) return undefined;
  const known = WORLD_BANK_NAMES[key] ?? countries.getAlpha3Code(name.trim(), "en");
  if (known) return toAlpha3(known);
  spellings ??= new Map(worldCountries.flatMap((c) => [c.name.common, c.name.official, ...c.altSpellings].map((n) => [n.toLowerCase(), c.cca3] as const)));
  const spelled = spellings.get(key);
  // world-countries codes Kosovo UNK.
  return spelled === "UNK" ? "XKX" : spelled ? toAlpha3(spelled) : undefined;
}
