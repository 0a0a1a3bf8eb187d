/**
 * The Worker reads countries, regions and minor units from src/domain/generated-iso-tables.ts, not
 * from the libraries (too large to bundle). These tests ask the libraries themselves: the committed
 * module must be what scripts/iso-tables.ts renders from them today (an upgrade that changes their
 * data fails here until `npm run iso-tables` is run and committed), and the functions reading it
 * must answer as the libraries do.
 */
import { describe, expect, it } from "vitest";
import countries from "i18n-iso-countries";
import en from "i18n-iso-countries/langs/en.json";
import worldCountries from "world-countries";
import currencyCodes from "currency-codes";
import committed from "../src/domain/generated-iso-tables.ts?raw";
import { M49_CORRECTIONS, renderIsoTables } from "../scripts/iso-tables.ts";
import { countryName, toAlpha3 } from "../src/domain/countries.ts";
import { minorUnits } from "../src/domain/money.ts";
import { regionOf } from "../src/domain/regions.ts";
import { alpha3OfName } from "../src/import/country-names.ts";

countries.registerLocale(en);

describe("the generated ISO tables", () => {
  it("are what the libraries say today", () => {
    expect(committed).toBe(renderIsoTables(en));
  });

  it("give every alpha-2 and alpha-3 code, in any case, the alpha-3 code and English name i18n-iso-countries gives", () => {
    const codes = Object.entries(countries.getAlpha2Codes());
    expect(codes.length).toBeGreaterThan(240);
    for (const [alpha2, alpha3] of codes) {
      // Kosovo's alpha-2 is read as the World Bank's XKX before any table is asked (countries.ts).
      for (const code of [alpha2, alpha2.toLowerCase()]) expect(toAlpha3(code)).toBe(alpha2 === "XK" ? "XKX" : alpha3);
      for (const code of [alpha3, alpha3.toLowerCase()]) expect(toAlpha3(code)).toBe(alpha3);
      expect(countryName(alpha3)).toBe(countries.getName(alpha3, "en"));
    }
    expect(countryName("XKX")).toBe("Kosovo");
    for (const code of ["", "QQ", "QQQ", "KENY", "840"]) expect(toAlpha3(code)).toBeUndefined();
  });

  it("map every English name of both libraries as asking the libraries did", () => {
    // What the Worker did before the tables: i18n-iso-countries first, then world-countries' spellings.
    const spelled = new Map(worldCountries.flatMap((c) => [c.name.common, c.name.official, ...c.altSpellings].map((n) => [n.toLowerCase(), c.cca3] as const)));
    const asked = (name: string) => {
      // The World Bank's own name for Kosovo comes first (country-names.ts), and i18n-iso-countries codes it XKK.
      if (name.trim().toLowerCase() === "kosovo") return "XKX";
      const code = countries.getAlpha3Code(name.trim(), "en") ?? spelled.get(name.trim().toLowerCase());
      return code === "UNK" ? "XKX" : code && countries.isValid(code) ? code : undefined;
    };
    // Native-script spellings and alpha-2 codes among world-countries' spellings are left out (scripts/iso-tables.ts).
    const english = [...spelled.keys()].filter((n) => /^[\x20-\x7e]+$/.test(n) && !/^[a-z]{2}$/.test(n));
    const names = [...Object.values(countries.getNames("en", { select: "all" })).flat(), ...english];
    expect(names.length).toBeGreaterThan(800);
    // Asked as a World Bank file may write them too: in capitals, with spaces around.
    for (const name of names) for (const written of [name, ` ${name.toUpperCase()} `]) expect(alpha3OfName(written), written).toBe(asked(name));
    // Names only world-countries' spellings know, as the World Bank's 2017 matrix writes them.
    expect(["Curacao", "Faeroe Islands", "Kyrgyz Republic", "Moldova", "Slovak Republic", "Swaziland"].map(alpha3OfName)).toEqual(["CUW", "FRO", "KGZ", "MDA", "SVK", "SWZ"]);
    expect(alpha3OfName("Republic of Kosovo")).toBe("XKX");
    expect(alpha3OfName("Atlantis")).toBeUndefined();
  });

  it("give every country world-countries lists its UN sub-region, corrected where the library departs from M49", () => {
    for (const c of worldCountries) expect(regionOf(c.cca3 === "UNK" ? "XKX" : c.cca3)).toBe(M49_CORRECTIONS[c.cca3] ?? (c.subregion || c.region || "Other"));
    expect(regionOf("KEN")).toBe("Eastern Africa");
    expect(regionOf("QQQ")).toBe("Other");
  });

  it("give the M49 sub-region of the countries of the corridors the repository ships, South Sudan's Eastern Africa among them", () => {
    // M49 spells it South-eastern Asia; world-countries' capital E is kept.
    const m49 = new Set(
      ["Northern Africa", "Eastern Africa", "Middle Africa", "Southern Africa", "Western Africa", "Caribbean", "Central America", "South America", "Northern America", "Central Asia", "Eastern Asia", "South-Eastern Asia", "Southern Asia", "Western Asia", "Eastern Europe", "Northern Europe", "Southern Europe", "Western Europe", "Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia"],
    );
    // Antarctica is in no M49 region.
    for (const c of worldCountries.filter((c) => c.cca3 !== "ATA")) expect(m49, `${c.cca3}: ${regionOf(c.cca3 === "UNK" ? "XKX" : c.cca3)}`).toContain(regionOf(c.cca3 === "UNK" ? "XKX" : c.cca3));
    const shipped = { SSD: "Eastern Africa", KEN: "Eastern Africa", UGA: "Eastern Africa", TZA: "Eastern Africa", RWA: "Eastern Africa", USA: "Northern America", MEX: "Central America", GBR: "Northern Europe", IND: "Southern Asia", KWT: "Western Asia", JPN: "Eastern Asia", PHL: "South-Eastern Asia", AUT: "Western Europe", POL: "Eastern Europe", ROU: "Eastern Europe", SRB: "Southern Europe", CYP: "Western Asia", XKX: "Southern Europe" };
    expect(Object.fromEntries(Object.keys(shipped).map((code) => [code, regionOf(code)]))).toEqual(shipped);
  });

  it("give every remittable currency currency-codes' minor units, and none to the codes that are not money one sends", () => {
    const notMoney = ["XXX", "XTS", "XAU", "XAG", "XPT", "XPD", "XDR", "XBA", "XBB", "XBC", "XBD", "XSU", "XUA"];
    for (const entry of currencyCodes.data) expect(minorUnits(entry.code), entry.code).toBe(notMoney.includes(entry.code) || typeof entry.digits !== "number" ? undefined : entry.digits);
    expect([minorUnits("JPY"), minorUnits("USD"), minorUnits("KWD"), minorUnits("usd"), minorUnits("QQQ")]).toEqual([0, 2, 3, undefined, undefined]);
  });
});
