import { beforeAll, describe, expect, it } from "vitest";
import { frameAncestors } from "../../src/routes/partners/embed-page.ts";
import { ApiProblem, errorMessage } from "../../widget/errors.ts";
import { call, json, product, putProvider, putRate } from "../helpers.ts";

beforeAll(async () => {
  // The page is served for a corridor that exists.
  await putRate("USD", "MXN", "19.5");
  await putProvider("USA-MEX", "alpha", { provider: { name: "Alpha", type: "mto" }, products: [product({ sendCurrency: "USD", receiveCurrency: "MXN", fee: { fixed: "5" }, rate: "19.2", receiverFee: undefined })] });
});

describe("GET /widget.js", () => {
  it("Should serve the bundled custom element as a JavaScript module", async () => {
    const res = await call("/widget.js");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    const code = await res.text();
    expect(code).toContain("tenc-compare");
    expect(code).not.toContain("innerHTML");
    // What a visitor's phone downloads: the script gzipped (its twelve languages' words but English come apart).
    const gzipped = await new Response(new Blob([code]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer();
    expect(gzipped.byteLength).toBeLessThan(12 * 1024);
  });
});

describe("GET /widget/messages/{lang}.json", () => {
  it("Should serve a language's catalog, each message parsed, to any origin", async () => {
    const res = await call("/widget/messages/ar.json", { headers: { origin: "https://partner.example" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("access-control-allow-origin")).toBe("*");
    const catalog = (await res.json()) as Record<string, { type: number; value?: string }[]>;
    // "compare" is one literal; "amount" is text around the {currency} argument.
    expect(catalog.compare).toEqual([{ type: 0, value: "قارن" }]);
    expect(catalog.amount?.some((e) => e.type === 1 && e.value === "currency")).toBe(true);
  });

  it("Should answer 400 naming the file for English (in the script) and for a language it lacks", async () => {
    for (const file of ["en.json", "zh.json", "ar"]) {
      const res = await call(`/widget/messages/${file}`);
      expect(res.status, file).toBe(400);
      expect(JSON.stringify(await json(res))).toContain("file");
    }
  });
});

describe("GET /favicon.svg", () => {
  it("Should serve the icon that /embed and /docs declare, under what their CSPs allow", async () => {
    const res = await call("/favicon.svg");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(await res.text()).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    for (const path of ["/embed?corridor=USA-MEX", "/docs"]) {
      const page = await call(path);
      expect(await page.text()).toContain('<link rel="icon" href="/favicon.svg" type="image/svg+xml">');
      expect(page.headers.get("content-security-policy")).toContain("img-src 'self'");
    }
  });
});

describe("GET /embed", () => {
  it("Should embed the widget with the corridor, amount and language asked for, under a strict CSP", async () => {
    const res = await call("/embed?corridor=us-mx&amount=200&lang=es");
    expect(res.status).toBe(200);
    const csp = res.headers.get("content-security-policy")!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("frame-ancestors *");
    const page = await res.text();
    expect(page).toContain('<script type="module" src="/widget.js"></script>');
    // The page is only the widget: it is the main landmark, and its title the page's h1.
    expect(page).toContain('<main><tenc-compare heading-level="1" corridor="USA-MEX" lang="es" mode="send" amount="200"></tenc-compare></main>');
    expect(page).toContain('<html lang="es" dir="ltr">');
  });

  it("Should choose the language by BCP 47 lookup, then Accept-Language, then English, and lay Arabic and Urdu out right to left", async () => {
    const page = async (query: string, headers: Record<string, string> = {}) => (await call(`/embed?corridor=USA-MEX${query}`, { headers })).text();
    expect(await page("&lang=ar")).toContain('<html lang="ar" dir="rtl">');
    expect(await page("&lang=ar")).toContain('corridor="USA-MEX" lang="ar"');
    expect(await page("&lang=pt-BR")).toContain('<html lang="pt" dir="ltr">');
    expect(await page("&lang=de")).toContain('<html lang="en" dir="ltr">');
    const byBrowser = await call("/embed?corridor=USA-MEX", { headers: { "accept-language": "zh-CN, ur-PK;q=0.9, en;q=0.5" } });
    expect(await byBrowser.text()).toContain('<html lang="ur" dir="rtl">');
    expect(byBrowser.headers.get("vary")).toContain("Accept-Language");
  });

  it("Should refuse bad input with problem+json naming the field", async () => {
    for (const [query, field] of [
      ["corridor=USA-MEX&lang=not%20a%20tag", "lang"],
      ["corridor=USA-MEX&amount=1e3", "amount"],
      ["corridor=nowhere", "corridor"],
      ["amount=200", "corridor"],
      ["corridor=USA-MEX&x=%3Cscript%3E", "x"],
      ["corridor=XXX-YYY", "corridor"],
    ] as const) {
      const res = await call(`/embed?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.headers.get("content-type")).toBe("application/problem+json");
      const body = await json(res);
      expect(JSON.stringify(body), query).toContain(field);
    }
  });
});

describe("GET /embed for a corridor that does not exist", () => {
  it("Should answer 404 with the page, whose widget says so in the visitor's language", async () => {
    const res = await call("/embed?corridor=USA-FRA&amount=200&lang=sw");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("text/html");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    expect(await res.text()).toContain('<tenc-compare heading-level="1" corridor="USA-FRA" lang="sw"');
    // What the widget meets and maps to its unknown-corridor message (widget/errors.ts).
    const api = await call("/v1/corridors/USA-FRA/quotes?amount=200");
    expect(api.status).toBe(404);
    expect(errorMessage(new ApiProblem(404, (await json(api)).type, null))).toBe("error.unknownCorridor");
    expect((await call("/embed?corridor=USA-MEX&amount=200")).status).toBe(200);
  });
});

describe("frameAncestors", () => {
  it("Should keep a list of sources, and fail closed on anything that could add a directive", () => {
    expect(frameAncestors(undefined)).toBe("*");
    expect(frameAncestors("  ")).toBe("*");
    expect(frameAncestors("https://ngo.example  'self' https://*.consulate.example:8443")).toBe("https://ngo.example 'self' https://*.consulate.example:8443");
    expect(frameAncestors("https://a.example; script-src *")).toBe("'none'");
    expect(frameAncestors("https://a.example ;script-src https://b.example")).toBe("'none'");
    expect(frameAncestors("'unsafe-inline'")).toBe("'none'");
  });
});
