/**
 * The widget in each of its languages, in Chromium, as /embed serves it on a 360-pixel phone: the
 * language's words, no sideways scrolling or clipped text, Arabic and Urdu right to left, and the
 * same figures as in English. A screenshot per language is kept in test-artifacts/i18n/ (docs/tests.md).
 */
import { mkdir, readFile } from "node:fs/promises";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedRequests, type SeedFile } from "../../src/seed/seed-requests.ts";
import type { MessageKey } from "../../widget/i18n.ts";
import { languages, rightToLeft, type Lang } from "../../widget/languages.ts";
import { watchProblems } from "./axe-audit.ts";
import { findChromium } from "./browser.ts";
import { startWorker, type LocalWorker } from "./local-worker.ts";

let worker: LocalWorker;
let browser: Browser;
let apiKey: string;

/** A language's catalog as the repository holds it (every key is there: test/node/i18n-catalogs.test.ts). */
const catalog = async (lang: Lang) => JSON.parse(await readFile(new URL(`../../widget/messages/${lang}.json`, import.meta.url), "utf8")) as Record<MessageKey, string>;

/** The charts' catalog of a language (src/charts/messages/<lang>.json). */
const chartCatalog = async (lang: Lang) => JSON.parse(await readFile(new URL(`../../src/charts/messages/${lang}.json`, import.meta.url), "utf8")) as Record<string, string>;
/** A message's longest run of literal words, its {arguments} left out. */
const longestLiteral = (message: string) => message.split(/\{[a-z]+\}/).map((s) => s.trim()).sort((a, b) => b.length - a.length)[0]!;

/** The zeros of the decimal digit sets the widget's languages write (Latin, Arabic-Indic, Extended Arabic-Indic, Devanagari, Bengali). */
const ZEROS = [0x30, 0x660, 0x6f0, 0x966, 0x9e6];
/** The digits of a shown amount, in Latin digits, whatever script wrote them; separators and symbols dropped. */
const digits = (s: string) =>
  [...s]
    .map((ch) => {
      const cp = ch.codePointAt(0)!;
      const zero = ZEROS.find((z) => cp >= z && cp <= z + 9);
      return zero === undefined ? "" : String(cp - zero);
    })
    .join("");

async function open(path: string, options: { width?: number; locale?: string } = {}) {
  const context = await browser.newContext({ viewport: { width: options.width ?? 360, height: 800 }, locale: options.locale, extraHTTPHeaders: { "x-api-key": apiKey } });
  const page = await context.newPage();
  const problems = watchProblems(page);
  await page.goto(worker.origin + path);
  return { page, problems, close: () => context.close() };
}

/** Results in, and the charts' images done loading. */
async function settled(page: Page) {
  await page.waitForFunction(() => {
    const el = document.querySelector("tenc-compare");
    const root = el?.shadowRoot;
    const images = [...(root?.querySelectorAll("img.chart") ?? [])] as HTMLImageElement[];
    return el?.getAttribute("aria-busy") === "false" && (root?.querySelectorAll("li.quote").length ?? 0) > 0 && images.length > 0 && images.every((i) => i.complete);
  });
}

/** What the widget shows: its language and direction, its words, its figures, and anything cut off or scrolling sideways. */
function seen(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector("tenc-compare")!;
    const root = host.shadowRoot!;
    const section = root.querySelector("section")!;
    const doc = document.documentElement;
    const text = (css: string) => [...root.querySelectorAll(css)].map((e) => e.textContent ?? "");
    // The results' heading is visually hidden on purpose (a 1-pixel box for screen readers).
    const clipped = [...root.querySelectorAll("h1, h2, h3, h4, p, li, dt, dd, label, legend, span, strong, small, bdi, button, select, figcaption")]
      .filter((e) => !e.classList.contains("visually-hidden"))
      .filter((e) => e.clientWidth > 0 && (e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > doc.clientWidth + 1 || e.getBoundingClientRect().left < -1))
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}: ${e.textContent?.slice(0, 40)}`);
    return {
      lang: section.lang,
      direction: getComputedStyle(section).direction,
      heading: root.querySelector("[id$=-title]")?.textContent ?? "",
      button: root.querySelector("button")?.textContent ?? "",
      gets: text("li.quote .gets"),
      pays: text("li.quote dd:nth-of-type(2)"),
      providers: text("li.quote .provider"),
      status: root.querySelector("[role=status]")?.textContent ?? "",
      switcher: (root.querySelector("select[name=lang]") as HTMLSelectElement | null)?.value ?? null,
      clipped,
      pageScroll: doc.scrollWidth - doc.clientWidth,
      hostScroll: host.scrollWidth - host.clientWidth,
    };
  });
}

beforeAll(async () => {
  worker = await startWorker();
  const file = JSON.parse(await readFile(new URL("../../corridors/USA-MEX.json", import.meta.url), "utf8")) as SeedFile;
  for (const req of seedRequests(file)) expect((await worker.admin(req.method, req.path, req.body)).status).toBe(200);
  for (let tries = 0; ; tries++) {
    const res = await fetch(`${worker.origin}/v1/corridors/USA-MEX`);
    const body = res.ok ? ((await res.json()) as { providerList: unknown[] }) : { providerList: [] };
    if (body.providerList.length === file.providers.length) break;
    if (tries > 50) throw new Error("USA-MEX never showed all its providers");
    await new Promise((r) => setTimeout(r, 200));
  }
  apiKey = ((await (await worker.admin("POST", "/v1/admin/keys", { name: "i18n test" })).json()) as { key: string }).key;
  const found = await findChromium();
  browser = await chromium.launch({ executablePath: found.executablePath, args: found.args, headless: true, chromiumSandbox: false });
  await mkdir("test-artifacts/i18n", { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

describe("The widget in twelve languages (Chromium, 360 px)", () => {
  let english: Awaited<ReturnType<typeof seen>>;

  beforeAll(async () => {
    const { page, close } = await open("/embed?corridor=USA-MEX&amount=200&lang=en");
    await settled(page);
    english = await seen(page);
    await close();
    expect(english.gets.length).toBeGreaterThan(1);
  });

  it.for(languages)("Should speak %s, fit the phone, and show the English figures", async (lang) => {
    const { page, problems, close } = await open(`/embed?corridor=USA-MEX&amount=200&lang=${lang}`);
    await settled(page);
    const s = await seen(page);
    const words = await catalog(lang);
    expect(s.lang).toBe(lang);
    expect(s.direction).toBe(rightToLeft.has(lang) ? "rtl" : "ltr");
    expect(s.heading).toContain(words.title);
    expect(s.button).toBe(words.compare);
    expect(s.switcher).toBe(lang);
    // Same options, same amounts: only the way numbers are written may differ.
    expect(s.providers).toEqual(english.providers);
    expect(s.gets.map(digits)).toEqual(english.gets.map(digits));
    expect(s.pays.map(digits)).toEqual(english.pays.map(digits));
    expect(s.clipped).toEqual([]);
    expect(s.pageScroll).toBeLessThanOrEqual(0);
    expect(s.hostScroll).toBeLessThanOrEqual(0);
    // The charts are asked in the visitor's language, and answer in it.
    const charts = await page.evaluate(() => [...document.querySelector("tenc-compare")!.shadowRoot!.querySelectorAll("img.chart")].map((i) => (i as HTMLImageElement).src));
    for (const src of charts) expect(new URL(src).searchParams.get("lang")).toBe(lang);
    const bars = await (await fetch(charts.find((src) => src.includes("/quotes.svg"))!, { headers: { "x-api-key": apiKey } })).text();
    expect(bars).toContain(` lang="${lang}"`);
    expect(bars).toContain(longestLiteral((await chartCatalog(lang)).quotesTitle!));
    if (lang !== "en") expect(bars).not.toContain("total cost of each option");
    expect(bars.includes(' direction="rtl"')).toBe(rightToLeft.has(lang));
    await page.screenshot({ path: `test-artifacts/i18n/${lang}.png`, fullPage: true });
    expect(problems).toEqual([]);
    await close();
  });

  it("Should write Bengali amounts in Bengali digits, as the locale's default numbering asks", async () => {
    const { page, close } = await open("/embed?corridor=USA-MEX&amount=200&lang=bn");
    await settled(page);
    const s = await seen(page);
    for (const amount of s.gets) expect(amount).toMatch(/^[^0-9]*[\u09e6-\u09ef][^0-9]*$/);
    await close();
  });

  it("Should keep each Arabic amount and its currency together, isolated from the right-to-left text", async () => {
    const { page, close } = await open("/embed?corridor=USA-MEX&amount=200&lang=ar");
    await settled(page);
    const isolated = await page.evaluate(() => [...document.querySelector("tenc-compare")!.shadowRoot!.querySelectorAll("li.quote .gets")].map((e) => e.firstElementChild?.tagName ?? ""));
    expect(isolated.length).toBeGreaterThan(0);
    expect(new Set(isolated)).toEqual(new Set(["BDI"]));
    await close();
  });
});

describe("Choosing the language", () => {
  it("Should let a visitor switch language in the widget, and lay Urdu out right to left", async () => {
    const { page, problems, close } = await open("/embed?corridor=USA-MEX&amount=200&lang=en", { width: 800 });
    await settled(page);
    await page.locator("tenc-compare select[name=lang]").selectOption("ur");
    const urdu = await catalog("ur");
    await page.waitForFunction((title) => document.querySelector("tenc-compare")!.shadowRoot!.querySelector("[id$=-title]")?.textContent?.includes(title), urdu.title);
    const s = await seen(page);
    expect(s.direction).toBe("rtl");
    expect(s.lang).toBe("ur");
    expect(await page.locator("tenc-compare").getAttribute("lang")).toBe("ur");
    expect(problems).toEqual([]);
    await close();
  });

  it("Should follow the browser's languages when no language is asked: pt-BR → Portuguese", async () => {
    const { page, close } = await open("/embed?corridor=USA-MEX&amount=200", { locale: "pt-BR" });
    await settled(page);
    expect((await seen(page)).heading).toContain((await catalog("pt")).title);
    await close();
  });

  it("Should read navigator.languages in a partner's page whose element has no lang attribute", async () => {
    const context = await browser.newContext({ locale: "vi-VN", extraHTTPHeaders: { "x-api-key": apiKey } });
    const page = await context.newPage();
    // A page of the partner's, answered by the test itself (on a loopback origin: Chromium keeps public pages off private addresses).
    const partner = `${worker.origin}/partner-page`;
    await page.route(partner, (route) =>
      route.fulfill({ contentType: "text/html", body: `<!doctype html><html lang="en"><head><script type="module" src="${worker.origin}/widget.js"></script></head><body><tenc-compare corridor="USA-MEX" amount="200" api-key="${apiKey}"></tenc-compare></body></html>` }),
    );
    await page.goto(partner);
    await settled(page);
    expect((await seen(page)).heading).toContain((await catalog("vi")).title);
    await context.close();
  });

  it("Should take an amount typed in Bengali digits", async () => {
    const { page, problems, close } = await open("/embed?corridor=USA-MEX&amount=200&lang=bn", { width: 800 });
    await settled(page);
    const input = page.locator("tenc-compare input[name=amount]");
    await input.fill("৩০০");
    await input.press("Enter");
    await page.waitForFunction(() => document.querySelector("tenc-compare")!.getAttribute("amount") === "300");
    expect(await input.getAttribute("aria-invalid")).toBeNull();
    expect(problems).toEqual([]);
    await close();
  });

  it("Should say an unknown corridor in the visitor's language, from the API's problem type", async () => {
    const { page, close } = await open("/embed?corridor=USA-FRA&lang=sw");
    const alert = page.locator("tenc-compare [role=alert]:not([id$=-amount-error])");
    await expect.poll(() => alert.textContent()).toBe((await catalog("sw"))["error.unknownCorridor"]);
    await close();
  });
});
