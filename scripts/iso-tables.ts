/**
 * @module
 * Derives the few columns the Worker needs from i18n-iso-countries, world-countries and
 * currency-codes (together over 700 KB minified) into src/domain/generated-iso-tables.ts (a few KB).
 * The libraries stay the source of truth: test/iso-tables.test.ts renders the tables again from
 * them and fails when the committed module differs, so an upgrade is caught; `npm run iso-tables`
 * then writes the new module. Pure (no node:fs), so the test can run it inside workerd; the English
 * locale is passed in because Node and the bundler import JSON differently.
 */
import countries, { type LocaleData } from "i18n-iso-countries";
import currencyCodes from "currency-codes";
import worldCountries from "world-countries";

export const TABLES_PATH = "src/domain/generated-iso-tables.ts";

/** The ISO 3166-1 countries as i18n-iso-countries knows them: alpha-2, alpha-3, English (official) name. */
export function isoCountries(): [alpha2: string, alpha3: string, name: string][] {
  return Object.entries(countries.getAlpha2Codes())
    .map(([alpha2, alpha3]): [string, string, string] => [alpha2, alpha3, countries.getName(alpha2, "en") ?? alpha3])
    .sort((a, b) => (a[0] < b[0] ? -1 : 1));
}

/**
 * Every lower-case English name the libraries know, with the alpha-3 code the Worker gave it when
 * it asked them at run time: i18n-iso-countries' first match among its names (aliases included),
 * else world-countries' common, official and alternative spellings (the last country listing a
 * spelling wins, as a Map built from them did), Kosovo written XKX and codes i18n-iso-countries
 * does not know left out. Of world-countries' spellings only the English ones are kept: the
 * native-script ones (half the bytes, "Shqipëria", "Ελλάδα") and the alpha-2 codes it lists among
 * them would never match a name the World Bank writes.
 */
export function englishNames(): Map<string, string> {
  const spelled = new Map(worldCountries.flatMap((c) => [c.name.common, c.name.official, ...c.altSpellings].map((n) => [n.toLowerCase(), c.cca3] as const)));
  const english = (name: string) => /^[\x20-\x7e]+$/.test(name) && !/^[a-z]{2}$/.test(name);
  const i18nNames = Object.values(countries.getNames("en", { select: "all" })).flat();
  const keys = new Set([...i18nNames.map((n) => n.toLowerCase()), ...[...spelled.keys()].filter(english)]);
  const out = new Map<string, string>();
  for (const key of keys) {
    const trimmed = key.trim();
    if (!trimmed) continue;
    let code = countries.getAlpha3Code(trimmed, "en") ?? (english(trimmed) ? spelled.get(trimmed) : undefined);
    if (code === "UNK") code = "XKX";
    if (code && (code === "XKX" || countries.isValid(code))) out.set(trimmed, code);
  }
  return out;
}

/**
 * Where world-countries departs from UN M49 (unstats.un.org/unsd/methodology/m49), whose
 * sub-regions (Africa's and the Americas' intermediate regions) the statistics group by: it files
 * South Sudan under Middle Africa (M49: Eastern Africa), Cyprus under Southern Europe (M49: Western
 * Asia), and splits Europe and the Americas its own way ("Central Europe", "Southeast Europe" and
 * "North America" are no M49 regions; Mexico is Central America). M49 lists no Kosovo (UNK here):
 * it goes with the neighbours it is listed among, Southern Europe.
 */
export const M49_CORRECTIONS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({
    "Eastern Africa": "SSD ATF",
    "Western Asia": "CYP",
    "Northern America": "USA CAN BMU GRL SPM",
    "Central America": "MEX",
    "South America": "BVT SGS",
    "Micronesia": "UMI",
    "Australia and New Zealand": "HMD",
    "Western Europe": "AUT",
    "Eastern Europe": "BGR CZE HUN POL ROU SVK",
    "Southern Europe": "ALB BIH HRV MKD MNE SRB SVN UNK",
  }).flatMap(([region, codes]) => codes.split(" ").map((code) => [code, region])),
);

/** The UN M49 sub-region (else region) of each alpha-3 code world-countries lists (Kosovo: UNK), as corrected above. */
export function subregions(): Map<string, string> {
  return new Map(worldCountries.map((c) => [c.cca3, M49_CORRECTIONS[c.cca3] ?? (c.subregion || c.region || "Other")]));
}

/** ISO 4217 minor units of every currency currency-codes lists with a number of digits. */
export function minorUnitsTable(): Map<string, number> {
  return new Map(currencyCodes.data.flatMap((c) => (typeof c.digits === "number" ? [[c.code, c.digits] as const] : [])));
}

/** Groups keys by value: value → keys joined by a space, values and keys sorted, for a small stable literal. */
function grouped<V extends string | number>(table: Map<string, V>): Record<string, string> {
  const groups = new Map<V, string[]>();
  for (const [k, v] of table) groups.set(v, [...(groups.get(v) ?? []), k]);
  return Object.fromEntries([...groups].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([v, ks]) => [String(v), ks.sort().join(" ")]));
}

const literal = (value: unknown) => JSON.stringify(value, null, 2);

/** A template literal, one entry a line, so an upgrade's diff shows which countries changed. */
function lines(entries: string[]): string {
  for (const e of entries) if (/[`\\\n]|\$\{/.test(e)) throw new Error(`cannot write ${JSON.stringify(e)} in a template literal`);
  return `\`\n${entries.join("\n")}\n\``;
}

/** The source text of src/domain/generated-iso-tables.ts. */
export function renderIsoTables(english: LocaleData): string {
  countries.registerLocale(english);
  const list = isoCountries();
  const officialName = new Map(list.map(([, alpha3, name]) => [name.toLowerCase(), alpha3]));
  // Names that COUNTRIES already maps to the same code are left out; the rest (other names, or an
  // official name the libraries map elsewhere) are listed by the code they map to.
  const others = new Map([...englishNames()].filter(([name, code]) => officialName.get(name) !== code));
  const byCode = new Map<string, string[]>();
  for (const [name, code] of others) byCode.set(code, [...(byCode.get(code) ?? []), name]);
  for (const name of others.keys()) if (/[|:]/.test(name)) throw new Error(`a name holds a separator: ${name}`);
  const spellings = [...byCode].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([code, names]) => `${code}:${names.sort().join("|")}`);
  return `// Generated by scripts/make-iso-tables.ts (npm run iso-tables) from i18n-iso-countries, world-countries
// and currency-codes: do not edit. test/iso-tables.test.ts fails when the libraries say otherwise.

/** ISO 3166-1, one country a line: alpha-2, alpha-3 and the English name (i18n-iso-countries). */
export const COUNTRIES = ${lines(list.map((c) => c.join(" ")))};

/**
 * The other lower-case English names (i18n-iso-countries' aliases, world-countries' spellings), one
 * country a line: \`alpha-3:name|name|…\`. A name here overrides the same name in COUNTRIES.
 */
export const SPELLINGS = ${lines(spellings)};

/** UN M49 sub-region (world-countries, corrected by scripts/iso-tables.ts M49_CORRECTIONS) → the alpha-3 codes in it, space-separated. */
export const SUBREGIONS: Record<string, string> = ${literal(grouped(subregions()))};

/** ISO 4217 minor units (currency-codes) → the currency codes with that many, space-separated. */
export const MINOR_UNITS: Record<string, string> = ${literal(grouped(minorUnitsTable()))};
`;
}
