/**
 * The widget in a real browser: headless Chromium (the system's, else @sparticuz/chromium's: browser.ts) driven by playwright-core,
 * a host page on one origin embedding /widget.js from the worker on another.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findChromium } from "./browser.ts";
import { ADMIN_TOKEN, freePort, startWorker, type LocalWorker } from "./local-worker.ts";
import { RPW_HEADER, rpwRow } from "../charts/rpw-rows.ts";

const EVIL = "<img src=x onerror=alert(1)>";

let worker: LocalWorker;
let host: Server;
let hostOrigin: string;
let context: BrowserContext;
let profile: string;
let apiKey: string;

const observedAt = new Date().toISOString();
function product(id: string, rate: string, fixed: string, payOut: string, speed = "same_day") {
  return { id, sendCurrency: "USD", receiveCurrency: "MXN", fee: { fixed, percent: "0" }, feeMode: "on_top", rate, payIn: "bank_account", payOut, speed, transparent: true, observedAt, source: "browser test" };
}

async function seed() {
  const rate = await worker.admin("PUT", "/v1/admin/rates/USD/MXN", { rate: "17.5", asOf: observedAt, source: "ECB" });
  expect(rate.status).toBe(200);
  const providers = [
    ["alpha-remit", "Alpha Remit", "mto", product("cash", "17.10", "3.00", "cash")],
    ["beta-bank", "Beta Bank", "bank", product("account", "17.30", "8.00", "bank_account", "next_day")],
    ["evil", EVIL, "digital", product("wallet", "16.90", "0", "mobile_wallet", "less_than_1_hour")],
  ] as const;
  for (const [id, name, type, p] of providers) {
    const res = await worker.admin("PUT", `/v1/admin/corridors/USA-MEX/quotes/${id}`, { provider: { name, type }, products: [p] });
    expect(res.status, await res.clone().text()).toBe(200);
  }
  // The corridor's ledger publishes to KV at most once a second: wait until all three are there,
  // before any page loads (the browser then caches the answers, as a visitor's would).
  for (let tries = 0; (await api("amount=200")).quotes.length < providers.length; tries++) {
    if (tries > 50) throw new Error("the seeded corridor never showed its three providers");
    await new Promise((r) => setTimeout(r, 200));
  }
  // United Kingdom → India priced against a mid six days older than the price: stale (more than 4).
  const sixDaysAgo = new Date(Date.parse(observedAt) - 6 * 86_400_000).toISOString();
  expect((await worker.admin("PUT", "/v1/admin/rates/GBP/INR", { rate: "105", asOf: sixDaysAgo, source: "ECB" })).status).toBe(200);
  const gbp = { ...product("account", "104", "2.00", "bank_account"), sendCurrency: "GBP", receiveCurrency: "INR" };
  expect((await worker.admin("PUT", "/v1/admin/corridors/GBR-IND/quotes/alpha-remit", { provider: { name: "Alpha Remit", type: "mto" }, products: [gbp] })).status).toBe(200);
  for (let tries = 0; (await fetch(`${worker.origin}/v1/corridors/GBR-IND/quotes?amount=200`)).status !== 200; tries++) {
    if (tries > 50) throw new Error("the seeded GBR-IND corridor never showed");
    await new Promise((r) => setTimeout(r, 200));
  }
  // RPW statistics for the corridor, for its sparkline: eight quarters falling from 7 % to 4 %.
  const quarters = ["2018_1Q", "2018_2Q", "2018_3Q", "2018_4Q", "2019_1Q", "2019_2Q", "2019_3Q", "2019_4Q"];
  const rows = quarters.flatMap((q, i) => ["-1.0", "0", "+1.0"].map((d, f) => rpwRow(q, "USA", "MEX", `Firm ${f}`, (7 - (3 * i) / 7 + Number(d)).toFixed(2))));
  const imported = await fetch(`${worker.origin}/v1/admin/imports/rpw`, { method: "POST", headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "text/csv" }, body: [RPW_HEADER, ...rows].join("\n") });
  expect(imported.status, await imported.clone().text()).toBe(200);
  const issued = await worker.admin("POST", "/v1/admin/keys", { name: "browser test host" });
  apiKey = ((await issued.json()) as { key: string }).key;
}

/** A partner's page: an alert trap, a button before the widget (to start tabbing from), the widget. */
function hostPage(widgetAttributes: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<script>window.__alerts = []; window.alert = (m) => window.__alerts.push(String(m));</script>
<script type="module" src="${worker.origin}/widget.js"></script></head>
<body style="margin:0"><button id="before">before</button>
<tenc-compare ${widgetAttributes} api-key="${apiKey}"></tenc-compare>
<iframe id="embed" title="embed" style="display:none"></iframe></body></html>`;
}

async function api(query: string) {
  const res = await fetch(`${worker.origin}/v1/corridors/USA-MEX/quotes?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as { quotes: { provider: { id: string }; recipientGets: { amount: string }; senderPays: { amount: string }; payOut: string }[] };
}

/** What the widget shows, read from its shadow root. */
function shown(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector("tenc-compare")!.shadowRoot!;
    return {
      ids: [...root.querySelectorAll("li.quote")].map((li) => li.getAttribute("data-provider")),
      names: [...root.querySelectorAll("li.quote .provider")].map((e) => e.textContent),
      gets: [...root.querySelectorAll("li.quote .gets")].map((e) => e.textContent ?? ""),
      heading: root.querySelector("[id$=-title]")?.textContent ?? "",
      status: root.querySelector("[role=status]")?.textContent ?? "",
      // The charts are images of the API's SVG (class "chart"); any other image came from data.
      images: root.querySelectorAll("img:not(.chart)").length + document.querySelectorAll("img").length,
      alerts: (window as unknown as { __alerts: string[] }).__alerts,
      focused: root.activeElement?.id ?? null,
      busy: document.querySelector("tenc-compare")!.getAttribute("aria-busy"),
    };
  });
}

async function open(attributes: string, width = 800): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 900 });
  page.on("dialog", (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  await page.goto(`${hostOrigin}/?attrs=${encodeURIComponent(attributes)}`);
  await waitForResults(page);
  return page;
}

async function waitForResults(page: Page) {
  await page.waitForFunction(() => {
    const el = document.querySelector("tenc-compare");
    return el?.getAttribute("aria-busy") === "false" && el.shadowRoot!.querySelectorAll("li.quote").length > 0;
  });
}

const digits = (s: string) => s.replace(/\D/g, "");

/** Waits until the widget's title says `words` (a language's catalog arrives from the network). */
async function headingHas(page: Page, words: string) {
  await page.waitForFunction((w) => document.querySelector("tenc-compare")!.shadowRoot!.querySelector("[id$=-title]")?.textContent?.includes(w), words);
}

beforeAll(async () => {
  worker = await startWorker();
  await seed();
  const port = await freePort();
  hostOrigin = `http://127.0.0.1:${port}`;
  host = createServer((req, res) => {
    const attrs = new URL(req.url ?? "/", hostOrigin).searchParams.get("attrs") ?? "";
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(hostPage(attrs));
  });
  await new Promise<void>((r) => host.listen(port, "127.0.0.1", r));
  profile = await mkdtemp(join(tmpdir(), "tenc-chromium-"));
  const browser = await findChromium();
  context = await chromium.launchPersistentContext(profile, {
    executablePath: browser.executablePath,
    headless: true,
    chromiumSandbox: false,
    args: browser.args,
  });
});

afterAll(async () => {
  await context?.close();
  await new Promise((r) => (host ? host.close(r) : r(undefined)));
  await worker?.stop();
  if (profile) await rm(profile, { recursive: true, force: true });
});

describe("<tenc-compare> in Chromium", () => {
  it("Should show the options in the API's order, with the API's amounts", async () => {
    const page = await open('corridor="USA-MEX" amount="200" lang="en"');
    const answer = await api("amount=200");
    const s = await shown(page);
    expect(s.ids).toEqual(answer.quotes.map((q) => q.provider.id));
    expect(s.gets.map(digits)).toEqual(answer.quotes.map((q) => digits(q.recipientGets.amount)));
    const corridor = (await (await fetch(`${worker.origin}/v1/corridors/USA-MEX`)).json()) as { from: { name: string }; to: { name: string } };
    expect(s.heading).toContain(`${corridor.from.name} → ${corridor.to.name}`);
    expect(s.status).toContain("3 options");
    await page.close();
  });

  it("Should show a provider named like markup as text, and never run it", async () => {
    const page = await open('corridor="USA-MEX" amount="200" lang="en"');
    const s = await shown(page);
    expect(s.names).toContain(EVIL);
    expect(s.images).toBe(0);
    expect(s.alerts).toEqual([]);
    await page.close();
  });

  it("Should switch language, and format money for it", async () => {
    const page = await open('corridor="USA-MEX" amount="200" lang="en"');
    const en = await shown(page);
    await page.evaluate(() => document.querySelector("tenc-compare")!.setAttribute("lang", "fr"));
    // The French words are fetched once (/widget/messages/fr.json), then shown.
    await headingHas(page, "Comparez le coût");
    const fr = await shown(page);
    expect(fr.heading).toContain("Comparez le coût");
    expect(fr.status).toContain("3 options");
    // 3,361.00 in English is 3 361,00 in French: same digits, other separators.
    expect(fr.gets.map(digits)).toEqual(en.gets.map(digits));
    expect(fr.gets[0]).toMatch(/,\d{2}\s*\$?\s*(MXN|\$)/);
    await page.evaluate(() => document.querySelector("tenc-compare")!.setAttribute("lang", "es"));
    await headingHas(page, "Compare el costo de enviar dinero");
    await page.close();
  });

  it("Should say, in the visitor's language, when a margin is measured against a stale mid-market rate", async () => {
    const page = await open('corridor="GBR-IND" amount="200" lang="es"');
    const notes = () => page.evaluate(() => [...document.querySelector("tenc-compare")!.shadowRoot!.querySelectorAll(".stale-mid")].map((e) => e.textContent ?? ""));
    expect(await notes()).toEqual([expect.stringContaining("6 días más antiguo que este precio"), expect.stringContaining("El tipo de cambio medio GBP/INR es 6 días más antiguo")]);
    await page.evaluate(() => document.querySelector("tenc-compare")!.setAttribute("lang", "fr"));
    await headingHas(page, "Comparez le coût");
    expect(await notes()).toEqual([expect.stringContaining("antérieur de 6 jours à ce prix"), expect.stringContaining("Le taux moyen GBP/INR est antérieur de 6 jours")]);
    await page.close();
    // A fresh mid (USA-MEX) shows no such note.
    const fresh = await open('corridor="USA-MEX" amount="200" lang="en"');
    expect(await fresh.evaluate(() => document.querySelector("tenc-compare")!.shadowRoot!.querySelectorAll(".stale-mid").length)).toBe(0);
    await fresh.close();
  });

  it("Should date the prices by the newest price's observation, not by when the corridor's data was written", async () => {
    const threeDaysAgo = new Date(Date.now() - 3 * 86_400_000 - 3_600_000).toISOString();
    expect((await worker.admin("PUT", "/v1/admin/rates/CAD/PHP", { rate: "41", asOf: threeDaysAgo, source: "ECB" })).status).toBe(200);
    const cad = { ...product("account", "40.5", "2.00", "bank_account"), sendCurrency: "CAD", receiveCurrency: "PHP", observedAt: threeDaysAgo };
    expect((await worker.admin("PUT", "/v1/admin/corridors/CAN-PHL/quotes/alpha-remit", { provider: { name: "Alpha Remit", type: "mto" }, products: [cad] })).status).toBe(200);
    for (let tries = 0; (await fetch(`${worker.origin}/v1/corridors/CAN-PHL/quotes?amount=200`)).status !== 200; tries++) {
      if (tries > 50) throw new Error("the CAN-PHL corridor never showed");
      await new Promise((r) => setTimeout(r, 200));
    }
    const page = await open('corridor="CAN-PHL" amount="200" lang="en"');
    // The values sit in Unicode isolates (U+2068 … U+2069).
    expect((await shown(page)).status).toMatch(/^1 option\. Prices as of .+\(\u20683 days ago\u2069\)\.$/);
    await page.close();
  });

  it("Should answer the reverse question: what to send for the recipient to get an amount", async () => {
    const page = await open('corridor="USA-MEX" amount="200" lang="en"');
    const root = page.locator("tenc-compare");
    await root.getByLabel("What the recipient gets").check();
    await root.getByLabel("Amount in MXN").fill("5000");
    await root.getByRole("button", { name: "Compare" }).click();
    await page.waitForFunction(() => document.querySelector("tenc-compare")!.getAttribute("mode") === "receive");
    await page.waitForFunction(() => document.querySelector("tenc-compare")!.getAttribute("amount") === "5000");
    await waitForResults(page);
    const answer = await api("recipientAmount=5000");
    const s = await shown(page);
    expect(s.ids).toEqual(answer.quotes.map((q) => q.provider.id));
    expect(s.gets.map(digits)).toEqual(answer.quotes.map((q) => digits(q.recipientGets.amount)));
    for (const q of answer.quotes) expect(Number(q.recipientGets.amount)).toBeGreaterThanOrEqual(5000);
    await page.close();
  });

  it("Should work with the keyboard alone: tab in, choose, type, filter", async () => {
    const page = await open('corridor="USA-MEX" amount="200" lang="en"');
    await page.focus("#before");
    await page.keyboard.press("Tab");
    expect((await shown(page)).focused).toMatch(/-send$/);
    await page.keyboard.press("Tab");
    expect((await shown(page)).focused).toMatch(/-amount$/);
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("300");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.querySelector("tenc-compare")!.getAttribute("amount") === "300");
    await waitForResults(page);
    expect((await shown(page)).gets.map(digits)).toEqual((await api("amount=300")).quotes.map((q) => digits(q.recipientGets.amount)));
    expect((await shown(page)).focused).toMatch(/-amount$/);

    await page.keyboard.press("Tab");
    expect((await shown(page)).focused).toMatch(/-payout$/);
    await page.keyboard.press("ArrowDown"); // "Any" → "cash"
    await page.waitForFunction(() => document.querySelector("tenc-compare")!.getAttribute("payout") === "cash");
    await waitForResults(page);
    expect((await shown(page)).ids).toEqual((await api("amount=300&payOut=cash")).quotes.map((q) => q.provider.id));
    expect((await shown(page)).ids).toEqual(["alpha-remit"]);
    await page.close();
  });

  it("Should show the options' bars above the list and the corridor's sparkline, each with words, and no console error", async () => {
    const errors: string[] = [];
    const page = await context.newPage();
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    page.on("pageerror", (e) => errors.push(e.message));
    await page.setViewportSize({ width: 800, height: 1100 });
    await page.goto(`${hostOrigin}/?attrs=${encodeURIComponent('corridor="USA-MEX" amount="200" lang="en"')}`);
    await waitForResults(page);
    await page.waitForFunction(() => [...document.querySelector("tenc-compare")!.shadowRoot!.querySelectorAll("img.chart")].filter((i) => (i as HTMLImageElement).naturalWidth > 0).length === 2);
    const seen = await page.evaluate(() => {
      const root = document.querySelector("tenc-compare")!.shadowRoot!;
      const bars = root.querySelector("img.bars") as HTMLImageElement;
      const list = root.querySelector("ol.results")!;
      return {
        barsAlt: bars.alt,
        barsSrc: bars.src,
        barsAboveList: Boolean(bars.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING),
        sparkAlt: (root.querySelector("img.sparkline") as HTMLImageElement).alt,
        caption: root.querySelector("figure.history figcaption")?.textContent ?? "",
      };
    });
    const latest = (await (await fetch(`${worker.origin}/v1/stats/corridors/USA-MEX`)).json()) as { period: string; averageTotalCostPercent: string };
    expect(seen.barsAlt).toContain("each of the 3 options");
    expect(seen.barsSrc).toContain("/v1/corridors/USA-MEX/quotes.svg?amount=200&lang=en");
    expect(seen.barsAboveList).toBe(true);
    // The percents are Unicode isolates in the alt text (U+2068 … U+2069), so they keep their direction in Arabic and Urdu.
    expect(seen.sparkAlt.replace(/[\u2068\u2069]/g, "")).toContain("3% and 5% lines");
    expect(seen.caption).toContain(latest.period);
    expect(seen.caption).toContain(`${Number(latest.averageTotalCostPercent).toFixed(2)}%`);
    await mkdir("test-artifacts", { recursive: true });
    await page.locator("tenc-compare").screenshot({ path: "test-artifacts/widget.png" });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Should be readable on a 360-pixel-wide phone, without sideways scrolling", async () => {
    const page = await open('corridor="USA-MEX" amount="200" lang="fr"', 360);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await page.close();
  });

  it("Should run inside the /embed iframe under its Content-Security-Policy", async () => {
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on("console", (m) => {
      if (/Content.Security.Policy|Refused/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto(`${worker.origin}/embed?corridor=USA-MEX&amount=200&lang=es`);
    await waitForResults(page);
    const s = await shown(page);
    expect(s.heading).toContain("Compare el costo de enviar dinero");
    expect(s.ids).toEqual((await api("amount=200")).quotes.map((q) => q.provider.id));
    // The shadow root's constructed stylesheet applies under style-src 'self'.
    const display = await page.evaluate(() => getComputedStyle(document.querySelector("tenc-compare")!.shadowRoot!.querySelector("ol")!).display);
    expect(display).toBe("grid");
    expect(blocked).toEqual([]);
    await page.close();
  });
});
