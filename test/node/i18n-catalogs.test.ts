/**
 * The widget's message catalogs (widget/messages/<lang>.json) and how a language is chosen: every
 * catalog has exactly the English keys and the code uses every key; each message parses as ICU
 * MessageFormat with English's argument names and its own language's plural categories; a missing or
 * broken message is said in English; and Intl writes numbers, money and plurals as each locale asks
 * (on Node's full ICU; test/browser/i18n.test.ts checks what Chromium shows).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { decimal, latinDigits, money, percent } from "../../widget/format.ts";
import { Translator, type Catalog, type MessageKey } from "../../widget/i18n.ts";
import { acceptedLanguages, autonyms, languages, lookup, resolveLanguage, type Lang } from "../../widget/languages.ts";

const root = join(import.meta.dirname, "..", "..");
const messagesDir = join(root, "widget", "messages");
const read = (file: string, dir = messagesDir) => JSON.parse(readFileSync(join(dir, file), "utf8")) as Record<string, string>;

/**
 * The two catalog sets, one format and one build step (scripts/build-widget.ts): the widget's words
 * and the SVG charts' (the Worker formats those). Each set's code is where its keys must be used.
 */
const sets = [
  { name: "widget", dir: messagesDir, code: ["widget"], others: ["reviews.json"], dotted: "verdict|speed|method|type|error|chart" },
  { name: "charts", dir: join(root, "src", "charts", "messages"), code: ["src/charts", "src/routes/charts"], others: [], dotted: "verdict|series" },
].map((set) => {
  const catalogs = Object.fromEntries(languages.map((l) => [l, read(`${l}.json`, set.dir)])) as Record<Lang, Record<string, string>>;
  return { ...set, catalogs, englishKeys: Object.keys(catalogs.en).sort() };
});
const catalogs = sets[0]!.catalogs;
/** A catalog as the widget gets it: each message parsed (scripts/build-widget.ts does the same). */
const parsed = (lang: Lang) => Object.fromEntries(Object.entries(catalogs[lang]).map(([k, m]) => [k, parse(m, { ignoreTag: true })])) as Catalog;

/** Every argument a message names, with the plural categories of each plural in it. */
function argumentsOf(elements: MessageFormatElement[], found = { names: new Set<string>(), plurals: [] as string[][] }) {
  for (const e of elements) {
    if (e.type === TYPE.argument || e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) found.names.add(e.value);
    if (e.type === TYPE.select || e.type === TYPE.plural) {
      found.names.add(e.value);
      if (e.type === TYPE.plural) found.plurals.push(Object.keys(e.options));
      for (const option of Object.values(e.options)) argumentsOf(option.value, found);
    }
    if (e.type === TYPE.tag) argumentsOf(e.children, found);
  }
  return found;
}

describe.for(sets)("message catalogs: $name", ({ dir, code, others, dotted, catalogs, englishKeys }) => {
  it("Should hold one catalog per language and nothing else besides the reviewers' file", () => {
    const files = readdirSync(dir).sort();
    expect(files).toEqual([...languages.map((l) => `${l}.json`), ...others].sort());
  });

  it.for(languages)("Should give %s exactly the English keys", (lang) => {
    expect(Object.keys(catalogs[lang]).sort()).toEqual(englishKeys);
  });

  it("Should use every key in its code, and no key English lacks", () => {
    const source = code
      .flatMap((d) => readdirSync(join(root, d)).filter((f) => f.endsWith(".ts")).map((f) => readFileSync(join(root, d, f), "utf8")))
      .join("\n");
    // Where the code names a key: a call that says or shows one, or a dotted key in a table or a return.
    const called = [...source.matchAll(/\b(?:text|nodes|row|fail)\(\s*"([A-Za-z0-9_.]+)"/g)].map((m) => m[1]!);
    const named = [...source.matchAll(new RegExp(`"((?:${dotted})\\.[A-Za-z0-9_]+)"`, "g"))].map((m) => m[1]!);
    const used = new Set([...called, ...named]);
    expect(called.length).toBeGreaterThan(10);
    expect(englishKeys.filter((k) => !used.has(k))).toEqual([]);
    expect([...used].filter((k) => !englishKeys.includes(k))).toEqual([]);
  });

  it.for(languages)("Should parse every %s message as ICU, with English's argument names and the language's own plural categories", (lang) => {
    const categories = new Set<string>(new Intl.PluralRules(lang).resolvedOptions().pluralCategories);
    for (const key of englishKeys) {
      const mine = argumentsOf(parse(catalogs[lang][key]!));
      const english = argumentsOf(parse(catalogs.en[key]!));
      expect([...mine.names].sort(), `${lang} ${key}`).toEqual([...english.names].sort());
      for (const options of mine.plurals) {
        expect(options, `${lang} ${key}`).toContain("other");
        for (const o of options) expect(o.startsWith("=") || categories.has(o), `${lang} ${key}: plural category "${o}"`).toBe(true);
      }
    }
  });
});

describe("reviews", () => {
  it("Should say for each language who reviewed its catalogs, machine-drafted until a speaker has", () => {
    const reviews = read("reviews.json") as unknown as Record<string, { status: string; reviewer?: string; date?: string }>;
    expect(Object.keys(reviews).sort()).toEqual([...languages].sort());
    for (const [lang, r] of Object.entries(reviews)) {
      if (r.status === "reviewed") {
        expect(r.reviewer, lang).toBeTruthy();
        expect(r.date, lang).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      } else expect(["source", "drafted by the project team", "machine-drafted"], lang).toContain(r.status);
    }
    const docs = readFileSync(join(root, "docs", "i18n.md"), "utf8");
    for (const [lang, r] of Object.entries(reviews)) expect(docs, `docs/i18n.md's row for ${lang}`).toMatch(new RegExp(`\\| \`${lang}\` \\| ${autonyms[lang as Lang]} \\| ${r.status === "reviewed" ? `reviewed by ${r.reviewer}, ${r.date}` : r.status} \\|`));
  });
});

describe("Translator", () => {
  it("Should say a message the catalog lacks in English, never as its key", () => {
    const { title: _, ...withoutTitle } = parsed("ar");
    const t = new Translator("ar", withoutTitle);
    expect(t.text("title")).toBe(catalogs.en.title);
    expect(t.text("compare")).toBe(catalogs.ar.compare);
  });

  it("Should say a message that cannot be formatted in English", () => {
    // A plural with no form for 2 (a hand-edited or truncated catalog).
    const t = new Translator("fr", { count: [{ type: TYPE.plural, value: "n", options: { one: { value: [{ type: TYPE.pound }] } }, offset: 0, pluralType: "cardinal" }] });
    expect(t.text("count", { n: 2 })).toBe("2 options");
  });

  it("Should choose the plural form by Intl.PluralRules: Arabic's six, Bengali's digits", () => {
    const ar = new Translator("ar", parsed("ar"));
    expect([0, 1, 2, 3, 11, 100].map((n) => ar.text("count", { n }))).toEqual(["لا خيارات", "خيار واحد", "خياران", "3 خيارات", "11 خيارًا", "100 خيار"]);
    expect(new Translator("bn", parsed("bn")).text("count", { n: 3 })).toBe("৩টি বিকল্প");
    expect(new Translator("en", parsed("en")).text("count", { n: 1 })).toBe("1 option");
  });

  it("Should isolate a text value, so its own direction never reorders an alt text", () => {
    const t = new Translator("ar", parsed("ar"));
    expect(t.text("amount", { currency: "USD" })).toBe("المبلغ بعملة \u2068USD\u2069");
  });
});

describe("Intl formatting per locale (exact values)", () => {
  it("Should group Hindi amounts in lakhs", () => {
    expect(money("hi", { amount: "123456.78", currency: "INR" })).toBe("₹1,23,456.78");
    expect(decimal("hi", "100000")).toBe("1,00,000");
  });

  it("Should write Bengali and Nepali in their own digits, as their locales' default numbering does", () => {
    expect(money("bn", { amount: "100000.00", currency: "BDT" })).toBe("১,০০,০০০.০০৳");
    expect(percent("bn", "3")).toBe("৩%");
    expect(decimal("ne", "123456.5")).toBe("१,२३,४५६.५");
  });

  it("Should write Arabic and Urdu amounts in Latin digits, as ar and ur default to, with Arabic's direction marks", () => {
    expect(money("ar", { amount: "1234.56", currency: "USD" })).toBe("\u200f1,234.56\u00a0US$");
    expect(percent("ar", "3")).toBe("3\u200e%\u200e");
    expect(money("ur", { amount: "1234.56", currency: "PKR" })).toBe("Rs\u00a01,234.56");
  });

  it("Should keep the API's minor units and each locale's separators", () => {
    expect(money("vi", { amount: "1234567", currency: "VND" })).toBe("1.234.567\u00a0₫");
    expect(money("pt", { amount: "1234.50", currency: "BRL" })).toBe("R$\u00a01.234,50");
    expect(money("sw", { amount: "2000.00", currency: "KES" })).toBe("Ksh\u00a02,000.00");
    expect(money("tl", { amount: "1234.50", currency: "PHP" })).toBe("₱1,234.50");
    expect(percent("fr", "2.35")).toBe("2,35\u00a0%");
  });
});

describe("amounts typed in a visitor's own digits", () => {
  it("Should read Bengali, Devanagari, Arabic-Indic and Urdu digits, and Arabic's separators", () => {
    expect(latinDigits("২০০")).toBe("200");
    expect(latinDigits("१५०.५०")).toBe("150.50");
    expect(latinDigits("١٬٢٣٤٫٥")).toBe("1,234.5");
    expect(latinDigits("۲۰۰")).toBe("200");
    expect(latinDigits("20O")).toBe("20O");
  });
});

describe("choosing the language", () => {
  it("Should take the attribute when the widget speaks it", () => {
    expect(resolveLanguage("ar", ["fr-FR"])).toBe("ar");
  });

  it("Should fall back per BCP 47: pt-BR → pt, zh-Hant-TW → (none), fil → tl", () => {
    expect(lookup("pt-BR")).toBe("pt");
    expect(lookup("ur-Arab-PK")).toBe("ur");
    expect(lookup("en-u-nu-arab")).toBe("en");
    expect(lookup("zh-Hant-TW")).toBeNull();
    expect(lookup("fil-PH")).toBe("tl");
    expect(lookup("FR_ca")).toBe("fr");
  });

  it("Should go through the browser's languages in order when the attribute is missing or unknown", () => {
    expect(resolveLanguage(null, ["zh-CN", "bn-BD", "en"])).toBe("bn");
    expect(resolveLanguage("de", ["pt-BR"])).toBe("pt");
    expect(resolveLanguage(undefined, [])).toBe("en");
  });

  it("Should fall back to English for a language the widget does not speak (zh)", () => {
    expect(resolveLanguage("zh", ["zh-CN"])).toBe("en");
  });

  it("Should read an Accept-Language header by quality, dropping q=0 and *", () => {
    expect(acceptedLanguages("fr-CH, fr;q=0.9, ne;q=0.95, *;q=0.5, sw;q=0")).toEqual(["fr-CH", "ne", "fr"]);
    expect(resolveLanguage(undefined, acceptedLanguages("zh-CN,ne;q=0.8"))).toBe("ne");
    expect(acceptedLanguages(null)).toEqual([]);
  });
});
