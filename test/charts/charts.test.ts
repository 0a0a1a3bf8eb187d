/**
 * The three SVG charts through the HTTP API, read back as XML: each point and bar sits where its
 * statistic puts it on the chart's own axis, the 3 % and 5 % lines sit at 3 and 5, a quarter
 * without data is a gap, and a provider's name is only ever text.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { adminCall, call, json, product, putProvider, putRate } from "../helpers.ts";
import { all, hasClass, num, parseSvg, plain, yOfPercent } from "./svg-xml.ts";
import { RPW_HEADER, rpwRow } from "./rpw-rows.ts";
import { percentLabel } from "../../src/charts/words.ts";

const EVIL = `<script>alert(1)</script><img src=x onerror=alert(2)>&amp;"'`;
// 2019Q3 has no rows: a gap. Four firms a quarter, so SmaRT (three cheapest) exists.
const QUARTERS: Record<string, string[]> = {
  "2019_1Q": ["2.10", "4.40", "6.25", "9.90"],
  "2019_2Q": ["1.75", "3.30", "5.10", "12.40"],
  "2019_4Q": ["2.95", "5.05", "7.70", "8.15"],
};

beforeAll(async () => {
  const cheap = ["1.00", "2.00", "2.50"].map((c, i) => rpwRow("2019_4Q", "DEU", "SRB", `Firm ${i}`, c));
  const middling = ["3.50", "4.00", "4.50"].map((c, i) => rpwRow("2019_4Q", "DEU", "POL", `Firm ${i}`, c));
  const csv = [RPW_HEADER, ...Object.entries(QUARTERS).flatMap(([q, costs]) => costs.map((c, i) => rpwRow(q, "DEU", "TUR", `Firm ${i}`, c))), ...cheap, ...middling].join("\n");
  const imported = await adminCall("POST", "/v1/admin/imports/rpw", csv, { "content-type": "text/csv" });
  expect(imported.status, await imported.clone().text()).toBe(200);

  await putRate("USD", "MXN", "17.5", "test", new Date().toISOString());
  const observedAt = new Date(Date.now() - 3600_000).toISOString();
  const mx = (over: Record<string, unknown>) => product({ sendCurrency: "USD", receiveCurrency: "MXN", fee: { fixed: "2.00" }, receiverFee: undefined, observedAt, ...over });
  await putProvider("USA-MEX", "cheap", { provider: { name: "Cheap Co", type: "mto" }, products: [mx({ id: "a", rate: "17.40" })] });
  await putProvider("USA-MEX", "middle", { provider: { name: "Middle Bank", type: "bank" }, products: [mx({ id: "b", rate: "17.10", fee: { fixed: "3.00" } })] });
  await putProvider("USA-MEX", "evil", { provider: { name: EVIL, type: "digital" }, products: [mx({ id: "c", rate: "16.20", fee: { fixed: "4.00" } })] });
  for (let tries = 0; ; tries++) {
    const answer = await json(await call("/v1/corridors/USA-MEX/quotes?amount=200"));
    if (answer.quotes?.length === 3) break;
    if (tries > 50) throw new Error(`the corridor never showed its three providers: ${JSON.stringify(answer).slice(0, 500)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}, 60_000);

async function svg(path: string) {
  const res = await call(path);
  expect(res.status, path).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
  const text = await res.text();
  return { res, text, root: parseSvg(text) };
}

describe("GET /v1/stats/corridors/{corridor}/history.svg", () => {
  it("Should put each quarter's average and SmaRT where the JSON history's figures are, within half a pixel", async () => {
    for (const amount of ["200", "500"]) {
      const { root } = await svg(`/v1/stats/corridors/DEU-TUR/history.svg?amount=${amount}`);
      const history = await json(await call(`/v1/stats/corridors/DEU-TUR/history?amount=${amount}`));
      const y = yOfPercent(root);
      for (const key of ["average", "smart"] as const) {
        const points = all(root, (e) => e.name === "circle" && hasClass(key)(e));
        const figures = history.periods.filter((p: any) => (key === "average" ? p.averageTotalCostPercent : p.smartPercent) !== null);
        expect(points.length).toBe(figures.length);
        expect(figures.length).toBe(3);
        for (const p of figures) {
          const point = points.find((c) => c.attributes["data-quarter"] === p.period)!;
          const value = Number(key === "average" ? p.averageTotalCostPercent : p.smartPercent);
          expect(Math.abs(num(point, "cy") - y(value))).toBeLessThanOrEqual(0.5);
        }
      }
    }
  });

  it("Should draw the 3 % and 5 % lines at 3 and 5 on the axis, with the band above 5 % shaded", async () => {
    const { root } = await svg("/v1/stats/corridors/DEU-TUR/history.svg");
    const y = yOfPercent(root);
    const [three] = all(root, hasClass("line-3"));
    const [five] = all(root, hasClass("line-5"));
    expect(Math.abs(num(three!, "y1") - y(3))).toBeLessThanOrEqual(0.5);
    expect(Math.abs(num(five!, "y1") - y(5))).toBeLessThanOrEqual(0.5);
    const [band] = all(root, hasClass("band-above-5"));
    expect(Math.abs(num(band!, "y") + num(band!, "height") - y(5))).toBeLessThanOrEqual(0.5);
    const labels = all(root, (e) => e.name === "text").map((t) => t.text);
    // Intl writes English percents without a space; the lines' figures are isolated inside the words.
    expect(labels.map(plain)).toContain("3% target (SDG 10.c)");
    expect(labels.map(plain)).toContain("5% ceiling");
  });

  it("Should leave a gap where a quarter has no data, with its place kept on the time axis", async () => {
    const { root } = await svg("/v1/stats/corridors/DEU-TUR/history.svg");
    const x = (q: string) => num(all(root, (e) => e.name === "circle" && hasClass("average")(e) && e.attributes["data-quarter"] === q)[0]!, "cx");
    expect(all(root, (e) => e.attributes["data-quarter"] === "2019Q3")).toEqual([]);
    const step = x("2019Q2") - x("2019Q1");
    expect(step).toBeGreaterThan(0);
    expect(Math.abs(x("2019Q4") - x("2019Q2") - 2 * step)).toBeLessThanOrEqual(0.5);
    const path = all(root, (e) => e.name === "path" && hasClass("average")(e))[0]!;
    // Two pieces: 2019Q1–Q2, then 2019Q4 alone.
    expect(path.attributes.d!.match(/M/g)).toHaveLength(2);
  });

  it("Should say in words what it shows, in the asked language", async () => {
    const en = (await svg("/v1/stats/corridors/DEU-TUR/history.svg")).root;
    const title = (r: typeof en) => all(r, (e) => e.name === "title")[0]!.text;
    const desc = (r: typeof en) => all(r, (e) => e.name === "desc")[0]!.text;
    expect(en.attributes.role).toBe("img");
    // The corridor and the amount are isolated (FSI … PDI); Intl writes the amount.
    expect(title(en)).toBe("\u2068DEU-TUR\u2069: total cost of sending \u2068USD\u00a0200\u2069, by quarter");
    expect(plain(desc(en))).toContain("2019Q3 no data");
    const es = (await svg("/v1/stats/corridors/DEU-TUR/history.svg?lang=es")).root;
    expect(plain(title(es))).toContain("costo total de enviar 200\u00a0USD");
    expect(plain(desc(es))).toContain("2019Q3 sin datos");
    const fr = (await svg("/v1/stats/corridors/DEU-TUR/history.svg?lang=fr&amount=500")).root;
    expect(plain(title(fr))).toContain("coût total d’un envoi de 500\u00a0USD");
    // French writes a decimal comma and a no-break space.
    expect(plain(desc(fr))).toMatch(/2019Q1 \d+,\d{2}\u00a0%/);
  });

  it("Should be cacheable like the JSON routes: an ETag, and 304 when it is sent back", async () => {
    const { res } = await svg("/v1/stats/corridors/DEU-TUR/history.svg");
    const tag = res.headers.get("etag");
    expect(tag).toBeTruthy();
    expect(res.headers.get("cache-control")).toContain("max-age=60");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect((await call("/v1/stats/corridors/DEU-TUR/history.svg", { headers: { "if-none-match": tag! } })).status).toBe(304);
  });

  it("Should give a small sparkline without words but with its lines", async () => {
    const { root } = await svg("/v1/stats/corridors/DEU-TUR/history.svg?size=small");
    expect(num(root, "width")).toBeLessThan(200);
    expect(all(root, hasClass("line-5"))).toHaveLength(1);
    expect(all(root, (e) => e.name === "text")).toEqual([]);
    expect(all(root, hasClass("average")).length).toBeGreaterThan(0);
    expect(all(root, hasClass("smart"))).toEqual([]);
  });

  it("Should answer a bad language, amount or corridor with a problem naming the field, and 404 without statistics", async () => {
    for (const [path, field] of [
      ["/v1/stats/corridors/DEU-TUR/history.svg?lang=!!", "lang"],
      ["/v1/stats/corridors/DEU-TUR/history.svg?amount=300", "amount"],
      ["/v1/stats/corridors/nowhere/history.svg", "corridor"],
    ] as const) {
      const res = await call(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(await res.text()).toContain(field);
    }
    expect((await call("/v1/stats/corridors/FRA-SEN/history.svg")).status).toBe(404);
  });
});

describe("GET /v1/stats/global/history.svg", () => {
  it("Should put the global average of each quarter where GET /v1/stats/global puts it", async () => {
    const { root } = await svg("/v1/stats/global/history.svg");
    const y = yOfPercent(root);
    for (const period of ["2019Q1", "2019Q2", "2019Q4"]) {
      const global = await json(await call(`/v1/stats/global?period=${period}`));
      const point = all(root, (e) => e.name === "circle" && hasClass("global")(e) && e.attributes["data-quarter"] === period)[0]!;
      expect(Math.abs(num(point, "cy") - y(Number(global.globalAverageTotalCostPercent)))).toBeLessThanOrEqual(0.5);
      if (global.globalSmartPercent !== null) {
        const smart = all(root, (e) => e.name === "circle" && hasClass("smart")(e) && e.attributes["data-quarter"] === period)[0]!;
        expect(Math.abs(num(smart, "cy") - y(Number(global.globalSmartPercent)))).toBeLessThanOrEqual(0.5);
      }
    }
    expect(plain(all(root, (e) => e.name === "title")[0]!.text)).toBe("Global cost of sending USD\u00a0200, by quarter");
  });
});

describe("GET /v1/corridors/{corridor}/quotes.svg", () => {
  it("Should draw each option's bar to its total cost %, coloured by its verdict, in the comparison's order", async () => {
    const { root } = await svg("/v1/corridors/USA-MEX/quotes.svg?amount=200");
    const answer = await json(await call("/v1/corridors/USA-MEX/quotes?amount=200"));
    const zero = num(all(root, hasClass("zero"))[0]!, "x1");
    const x3 = num(all(root, hasClass("line-3"))[0]!, "x1");
    const x5 = num(all(root, hasClass("line-5"))[0]!, "x1");
    // The lines at 3 and 5: their distances from 0 are as 3 to 5.
    expect(Math.abs((x3 - zero) * 5 - (x5 - zero) * 3)).toBeLessThanOrEqual(0.5 * 5);
    const xOf = (p: number) => zero + (p * (x5 - zero)) / 5;
    const bars = all(root, hasClass("bar"));
    expect(bars).toHaveLength(answer.quotes.length);
    const colours = { below_3: "#1b7a3a", "3_to_5": "#8a5a00", above_5: "#b00020" } as Record<string, string>;
    answer.quotes.forEach((q: any, i: number) => {
      const bar = bars[i]!;
      const rect = all(bar, (e) => e.name === "rect")[0]!;
      expect(Math.abs(num(rect, "x") + num(rect, "width") - xOf(Number(q.totalCost.percent)))).toBeLessThanOrEqual(0.5);
      expect(hasClass(`sdg-${q.sdg}`)(bar)).toBe(true);
      expect(rect.attributes.fill).toBe(colours[q.sdg]);
      expect(all(bar, (e) => e.name === "title")[0]!.text).toContain(q.provider.name);
      // One product per provider: the provider's name alone (cut when long).
      if (q.provider.name.length <= 20) expect(all(bar, (e) => e.name === "text")[0]!.text).toBe(q.provider.name);
    });
    // The data spans all three verdicts, so every colour was tried.
    expect(new Set(answer.quotes.map((q: any) => q.sdg)).size).toBe(3);
  });

  it("Should keep a provider named like markup as text: no element, no script", async () => {
    const { text, root } = await svg("/v1/corridors/USA-MEX/quotes.svg?amount=200&lang=fr");
    expect(all(root, (e) => ["script", "img", "foreignObject"].includes(e.name))).toEqual([]);
    expect(text).not.toContain("<script");
    expect(text).not.toContain("<img");
    expect(all(root, (e) => e.name === "title").some((t) => t.text.includes(EVIL))).toBe(true);
    expect(all(root, (e) => e.name === "desc")[0]!.text).toContain(EVIL);
  });

  it("Should answer what the comparison answers to a bad question", async () => {
    const none = await call("/v1/corridors/USA-MEX/quotes.svg?lang=es");
    expect(none.status).toBe(400);
    expect(await none.text()).toContain("amount");
    const lang = await call("/v1/corridors/USA-MEX/quotes.svg?amount=200&lang=x_1!");
    expect(lang.status).toBe(400);
    expect(await lang.text()).toContain("lang");
    expect((await call("/v1/corridors/FRA-SEN/quotes.svg?amount=200")).status).toBe(404);
  });
});

describe("GET /stats", () => {
  it("Should say first how many corridors are above 5 %, and list them first, under a policy that runs no inline script", async () => {
    // Provider quotes make statistics of the current quarter too: the page is asked for 2019Q4.
    const res = await call("/stats?period=2019Q4");
    expect(res.status).toBe(200);
    const policy = res.headers.get("content-security-policy")!;
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("unsafe-inline");
    const page = await res.text();
    const latest = await json(await call("/v1/stats/corridors?period=2019Q4"));
    const above = latest.corridors.filter((s: any) => s.sdg === "above_5");
    expect(above.map((s: any) => s.corridor)).toEqual(["DEU-TUR"]);
    expect(page).toContain(`${above.length} of ${latest.corridors.length} corridors costs more than 5 %`);
    const rows = [...page.matchAll(/<tr class="sdg-([a-z0-9_]+)" id="row-([A-Z-]+)"/g)].map((m) => [m[2], m[1]]);
    expect(rows).toEqual([["DEU-TUR", "above_5"], ["DEU-POL", "3_to_5"], ["DEU-SRB", "below_3"]]);
    // Every script is a file of its own; no inline handler either.
    for (const tag of page.match(/<script[^>]*>/g) ?? []) expect(tag).toMatch(/src="\/stats\.js"/);
    expect(page).not.toMatch(/\son[a-z]+=/i);
    expect(page).toContain('href="/v1/stats/corridors/DEU-TUR/history?amount=200&amp;format=csv"');
    expect(page).toContain('href="/stats?lang=fr&amp;amount=200&amp;period=2019Q4"');
    expect(page).toContain('src="/v1/stats/corridors/DEU-TUR/history.svg?amount=200&amp;size=small&amp;lang=en"');
    const script = await call("/stats.js");
    expect(script.headers.get("content-type")).toContain("javascript");
  });

  it("Should speak Spanish and French, and take the USD 500 figures", async () => {
    expect(await (await call("/stats?lang=es&period=2019Q4")).text()).toContain("1 de 3 corredores cuesta más del 5 %");
    const fr = await (await call("/stats?lang=fr&amount=500&period=2019_4Q")).text();
    expect(fr).toContain("1 corridor sur 3 coûte plus de 5 %");
    expect(fr).toContain("/v1/stats/global/history.svg?amount=500&amp;lang=fr");
    expect((await call("/stats?lang=de")).status).toBe(400);
    expect((await call("/stats?period=2019Q5")).status).toBe(400);
    expect((await call("/stats?period=2001Q1")).status).toBe(404);
  });

  it("Should link the global JSON and CSV of the quarter and amount it shows, not the latest", async () => {
    const page = await (await call("/stats?period=2019Q1&amount=500")).text();
    const links = [...page.matchAll(/href="(\/v1\/stats\/global\?[^"]*)">(JSON|CSV)</g)].map((m) => m[1]!.replaceAll("&amp;", "&"));
    expect(links).toHaveLength(2);
    const [jsonLink, csvLink] = links as [string, string];
    expect(await json(await call(jsonLink))).toMatchObject({ period: "2019Q1", amountUsd: 500 });
    const csv = await call(csvLink);
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(await csv.text()).toContain("2019Q1");
  });
});

describe("the charts in the widget's twelve languages", () => {
  // A phrase each language's history title holds (written out here, not read from the catalogs), and English's.
  const BY_QUARTER: Record<string, string> = {
    en: "by quarter",
    es: "por trimestre",
    fr: "par trimestre",
    pt: "por trimestre",
    ar: "حسب الربع",
    ur: "سہ ماہی وار",
    hi: "तिमाही के अनुसार",
    bn: "ত্রৈমাসিক অনুযায়ী",
    ne: "त्रैमासिक रूपमा",
    tl: "bawat quarter",
    vi: "theo quý",
    sw: "kwa robo mwaka",
  };
  const title = (r: ReturnType<typeof parseSvg>) => all(r, (e) => e.name === "title")[0]!.text;
  const desc = (r: ReturnType<typeof parseSvg>) => all(r, (e) => e.name === "desc")[0]!.text;
  const digits = (s: string, zero: number) => s.replace(/[0-9]/g, (d) => String.fromCodePoint(zero + Number(d)));
  /**
   * A percent label as each locale writes it, built by hand from the rounded figure. (workerd's ICU,
   * like Chromium's, has no Nepali data: Nepali charts write Latin digits, as the widget does there.)
   */
  const percentIn: Record<string, (fixed: string) => string> = {
    en: (f) => `${f}%`,
    hi: (f) => `${f}%`,
    bn: (f) => `${digits(f, 0x9e6)}%`,
    ar: (f) => `${f}\u200e%\u200e`,
    fr: (f) => `${f.replace(".", ",")}\u00a0%`,
    pt: (f) => `${f.replace(".", ",")}%`,
  };

  it.for(Object.keys(BY_QUARTER))("Should say %s's words in the history chart's title, description and labels, and no English", async (lang) => {
    const { root } = await svg(`/v1/stats/corridors/DEU-TUR/history.svg?lang=${lang}`);
    expect(root.attributes.lang).toBe(lang);
    expect(plain(title(root))).toContain(BY_QUARTER[lang]);
    const labels = all(root, (e) => e.name === "text").map((t) => plain(t.text));
    if (lang !== "en") {
      expect(title(root)).not.toContain("total cost");
      expect(desc(root)).not.toContain("Total cost");
      expect(desc(root)).not.toContain("no data");
      expect(labels.join(" ")).not.toMatch(/\btarget \(SDG|ceiling|Corridor average/);
      const global = (await svg(`/v1/stats/global/history.svg?lang=${lang}`)).root;
      expect(plain(title(global))).toContain(BY_QUARTER[lang]);
      expect(all(global, (e) => e.name === "text").map((t) => t.text).join(" ")).not.toMatch(/Global average|Weighted average|\btarget \(SDG/);
    }
    // Every figure inside the description is the chart's own language's, not English's.
    expect(labels.some((l) => l.includes("10.c"))).toBe(true);
  });

  it.for(Object.keys(percentIn))("Should write %s percent labels from the exact figures, in the locale's digits", async (lang) => {
    const answer = await json(await call("/v1/corridors/USA-MEX/quotes?amount=200"));
    const { root } = await svg(`/v1/corridors/USA-MEX/quotes.svg?amount=200&lang=${lang}`);
    const bars = all(root, hasClass("bar"));
    answer.quotes.forEach((q: any, i: number) => {
      const [whole, fraction = ""] = q.totalCost.percent.split(".");
      expect(fraction.length).toBeGreaterThan(2);
      const label = all(bars[i]!, (e) => e.name === "text")[1]!.text;
      // Rounded half to even to two decimals by hand (the service's Decimal): the label is that exact string in the locale's way.
      const kept = BigInt(whole + fraction.slice(0, 2));
      const rest = fraction.slice(2);
      const up = rest[0]! > "5" || (rest[0] === "5" && (/[1-9]/.test(rest.slice(1)) || kept % 2n === 1n));
      const rounded = (kept + (up ? 1n : 0n)).toString().padStart(3, "0");
      expect(plain(label)).toBe(percentIn[lang]!(`${rounded.slice(0, -2)}.${rounded.slice(-2)}`));
    });
    const ticks = all(root, hasClass("line-3"));
    expect(ticks).toHaveLength(1);
  });

  it("Should round a percent label with Decimal and let Intl write the rounded string, never a float", () => {
    // 1.015 is 1.01499… as a float; half to even keeps 1.005 at 1.00.
    expect(percentLabel("en", "1.015")).toBe("1.02%");
    expect(percentLabel("en", "1.005")).toBe("1.00%");
    expect(percentLabel("bn", "1.015")).toBe("১.০২%");
    expect(percentLabel("hi", "123456789012345678.125")).toBe("1,23,45,67,89,01,23,45,678.12%");
    expect(percentLabel("en", "123456789012345678.125")).toBe("123,456,789,012,345,678.12%");
    expect(percentLabel("fr", "7.1234")).toBe("7,12\u00a0%");
  });

  it("Should write the 3 % line's figure in Bengali digits in a Bengali chart, Latin in a Hindi one", async () => {
    const bn = all((await svg("/v1/stats/corridors/DEU-TUR/history.svg?lang=bn")).root, (e) => e.name === "text").map((t) => plain(t.text));
    expect(bn).toContain("৩% লক্ষ্য (SDG 10.c)");
    const hi = all((await svg("/v1/stats/corridors/DEU-TUR/history.svg?lang=hi")).root, (e) => e.name === "text").map((t) => plain(t.text));
    expect(hi).toContain("3% का लक्ष्य (SDG 10.c)");
  });

  it.for(["ar", "ur"])("Should draw a %s chart right to left, its values isolated and its names still only text", async (lang) => {
    const { root, text } = await svg(`/v1/corridors/USA-MEX/quotes.svg?amount=200&lang=${lang}`);
    expect(root.attributes.direction).toBe("rtl");
    expect(title(root)).toMatch(/^\u2068USA-MEX\u2069/);
    const cheap = all(root, (e) => e.name === "text" && e.text.includes("Cheap Co"))[0]!;
    // The names' column ends at its right edge: in a right-to-left text that edge is where it starts.
    expect(cheap.text).toBe("\u2068Cheap Co\u2069");
    expect(cheap.attributes["text-anchor"]).toBe("start");
    expect(desc(root)).toContain(`\u2068${EVIL}\u2069`);
    expect(text).not.toContain("<script");
    const history = (await svg(`/v1/stats/corridors/DEU-TUR/history.svg?lang=${lang}`)).root;
    expect(history.attributes.direction).toBe("rtl");
    expect(all(history, hasClass("tick")).every((t) => all(t, (e) => e.name === "text")[0]!.attributes["text-anchor"] === "start")).toBe(true);
    const en = (await svg("/v1/corridors/USA-MEX/quotes.svg?amount=200")).root;
    expect(en.attributes.direction).toBeUndefined();
    expect(all(en, (e) => e.name === "text" && e.text === "Cheap Co")[0]!.attributes["text-anchor"]).toBe("end");
  });

  it("Should fall back per BCP 47 as /embed does: pt-BR → pt, zz → en, and answer a malformed tag with a problem naming lang", async () => {
    const pt = (await svg("/v1/stats/corridors/DEU-TUR/history.svg?lang=pt-BR")).root;
    expect(pt.attributes.lang).toBe("pt");
    expect(plain(title(pt))).toContain("por trimestre");
    const zz = (await svg("/v1/corridors/USA-MEX/quotes.svg?amount=200&lang=zz")).root;
    expect(zz.attributes.lang).toBe("en");
    expect(plain(title(zz))).toContain("total cost of each option");
    for (const path of ["/v1/stats/corridors/DEU-TUR/history.svg?lang=!!", "/v1/stats/global/history.svg?lang=!!", "/v1/corridors/USA-MEX/quotes.svg?amount=200&lang=!!"]) {
      const res = await call(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get("content-type")).toContain("application/problem+json");
      expect(await res.text()).toContain("lang");
    }
  });
});
