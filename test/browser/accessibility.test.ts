/**
 * Every page a person sees, in every state a person reaches, audited by axe-core against WCAG 2.1
 * A and AA (docs/accessibility.md), on a phone and on a desktop; and what axe cannot see: the
 * keyboard alone, what a screen reader is told, 320-pixel screens, text at 200 %.
 * The worker serves the repository's sample corridors (corridors/), loaded as `npm start` does.
 */
import { readFile } from "node:fs/promises";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedRequests, type SeedFile } from "../../src/seed/seed-requests.ts";
import { audit, describeViolations, watchProblems, withAxe } from "./axe-audit.ts";
import { findChromium } from "./browser.ts";
import { startWorker, type LocalWorker } from "./local-worker.ts";

let worker: LocalWorker;
let browser: Browser;
/** Sent by the browser with every request: some 30 page loads a minute would pass the per-address limit (60 requests a minute). */
let apiKey: string;

const LANGS = ["en", "es", "fr"] as const;
/** The widget speaks more languages than /stats: right to left (ar) and a Devanagari script (hi) are audited too. */
const WIDGET_LANGS = [...LANGS, "ar", "hi"] as const;
const WIDTHS = [360, 1280] as const;
const SEEDED = ["USA-MEX", "KEN-UGA"];

/** A state a person reaches: a page, a window width, and what they do once it has loaded. */
interface State {
  path: string;
  width: number;
  state: string;
  reach?: (page: Page) => Promise<void>;
}

const widget = (page: Page, css: string) => page.locator(`tenc-compare ${css}`);

/** The widget has answered: not busy, and saying something (results, none, or an error). */
async function settled(page: Page) {
  await page.waitForFunction(() => {
    const el = document.querySelector("tenc-compare");
    const root = el?.shadowRoot;
    const said = [...(root?.querySelectorAll("[role=status], [role=alert]") ?? [])].some((e) => e.textContent?.trim());
    return el?.getAttribute("aria-busy") === "false" && said;
  });
}

async function attribute(page: Page, name: string, value: string) {
  await page.waitForFunction(({ n, v }) => document.querySelector("tenc-compare")?.getAttribute(n) === v, { n: name, v: value });
}

async function compare(page: Page, amount: string) {
  await widget(page, "input[name=amount]").fill(amount);
  await widget(page, "input[name=amount]").press("Enter");
}

const REACH = {
  comparison: settled,
  receive: async (page: Page) => {
    await settled(page);
    await widget(page, "input[value=receive]").check();
    await attribute(page, "mode", "receive");
    await compare(page, "5000");
    await attribute(page, "amount", "5000");
    await settled(page);
  },
  badAmount: async (page: Page) => {
    await settled(page);
    await compare(page, "20O"); // a letter O for a zero
    await widget(page, "input[name=amount][aria-invalid=true]").waitFor();
    await widget(page, "[id$=-amount-error]").filter({ hasText: /\S/ }).waitFor();
  },
} as const;

const embed = (lang: string, query = "corridor=USA-MEX&amount=200") => `/embed?${query}&lang=${lang}`;

/** Add a page or a state here: one line each. */
const STATES: State[] = [
  ...WIDGET_LANGS.flatMap((lang) =>
    WIDTHS.flatMap((width): State[] => [
      { path: embed(lang), width, state: "after a comparison", reach: REACH.comparison },
      { path: embed(lang), width, state: 'after switching to "what the recipient gets"', reach: REACH.receive },
      { path: embed(lang), width, state: "with an error shown (bad amount)", reach: REACH.badAmount },
      { path: embed(lang, "corridor=USA-MEX&amount=200&payOut=home_delivery"), width, state: "with no quotes", reach: REACH.comparison },
    ]),
  ),
  { path: embed("en", "corridor=KEN-UGA&amount=20000"), width: 1000, state: "sixteen providers", reach: REACH.comparison },
  ...WIDTHS.map((width) => ({ path: "/docs", width, state: "" })),
  ...LANGS.flatMap((lang) => WIDTHS.map((width) => ({ path: `/stats?lang=${lang}`, width, state: "" }))),
];

async function open(path: string, width: number, height = 800) {
  const context = await browser.newContext({ viewport: { width, height }, extraHTTPHeaders: { "x-api-key": apiKey } });
  const page = await context.newPage();
  await withAxe(page);
  const problems = watchProblems(page);
  await page.goto(worker.origin + path);
  return { page, problems, close: () => context.close() };
}

async function seed() {
  for (const corridor of SEEDED) {
    const file = JSON.parse(await readFile(new URL(`../../corridors/${corridor}.json`, import.meta.url), "utf8")) as SeedFile;
    for (const req of seedRequests(file)) {
      const res = await worker.admin(req.method, req.path, req.body);
      expect(res.status, await res.clone().text()).toBe(200);
    }
    // The ledger publishes at most once a second: wait until every provider is readable, so no
    // page caches a half-seeded corridor.
    for (let tries = 0; ; tries++) {
      const res = await fetch(`${worker.origin}/v1/corridors/${corridor}`);
      const body = res.ok ? ((await res.json()) as { providerList: unknown[] }) : { providerList: [] };
      if (body.providerList.length === file.providers.length) break;
      if (tries > 50) throw new Error(`${corridor} never showed its ${file.providers.length} providers`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

beforeAll(async () => {
  worker = await startWorker();
  await seed();
  const issued = await worker.admin("POST", "/v1/admin/keys", { name: "accessibility audit" });
  apiKey = ((await issued.json()) as { key: string }).key;
  const found = await findChromium();
  browser = await chromium.launch({ executablePath: found.executablePath, args: found.args, headless: true, chromiumSandbox: false });
});

afterAll(async () => {
  await browser?.close();
  await worker?.stop();
});

describe("Accessibility audit (axe-core, WCAG 2.1 A and AA)", () => {
  it("Should catch a violation, inside a shadow root too (the audit can fail)", async () => {
    const { page, close } = await open("/health", 800);
    await page.setContent(`<html lang="en"><body><main><h1>t</h1><div id="host"></div></main></body></html>`);
    await page.evaluate(() => document.getElementById("host")!.attachShadow({ mode: "open" }).append(document.createElement("button")));
    const violations = await audit(page);
    expect(violations.map((v) => v.rule)).toContain("button-name");
    expect(violations.find((v) => v.rule === "button-name")!.targets).toEqual(["#host >>> button"]);
    expect(describeViolations(violations)).toMatch(/^button-name \(critical\): .* — #host >>> button$/m);
    await close();
  });

  it.for(STATES.map((s) => [`${s.path} at ${s.width} px ${s.state}`.trim(), s] as const))("Should find no violation on %s", async ([, { path, width, reach }]) => {
    const { page, problems, close } = await open(path, width);
    await reach?.(page);
    const violations = await audit(page);
    expect(violations, describeViolations(violations)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});

/** The id (its last part) of what has focus inside the widget, and how its focus ring looks. */
function focused(page: Page) {
  return page.evaluate(() => {
    const active = document.querySelector("tenc-compare")?.shadowRoot?.activeElement as HTMLElement | null;
    if (!active) return null;
    const style = getComputedStyle(active);
    return { id: active.id.replace(/^tenc\d+-/, ""), outline: style.outlineStyle, width: parseFloat(style.outlineWidth) };
  });
}

/** Counts each time the widget starts answering (aria-busy turns "true"), from now on. */
async function countAnswers(page: Page) {
  await page.evaluate(() => {
    const host = document.querySelector("tenc-compare")!;
    const w = window as unknown as { answers: number };
    w.answers = 0;
    new MutationObserver(() => host.getAttribute("aria-busy") === "true" && w.answers++).observe(host, { attributes: true, attributeFilter: ["aria-busy"] });
  });
  return () => page.evaluate(() => (window as unknown as { answers: number }).answers);
}

/** Sideways overflow of the document, and of each control and label (text cut off inside it). */
function overflow(page: Page) {
  return page.evaluate(() => {
    const doc = document.documentElement;
    const root = document.querySelector("tenc-compare")?.shadowRoot;
    const cut = [...(root?.querySelectorAll("label, legend, input, select, button, .title, .status, .error") ?? [])]
      .filter((e) => e.scrollWidth > e.clientWidth + 1 || e.getBoundingClientRect().right > doc.clientWidth + 1)
      .map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ""}: ${e.textContent?.slice(0, 40)}`);
    return { scrollWidth: doc.scrollWidth, clientWidth: doc.clientWidth, cut };
  });
}

describe("What axe cannot see", () => {
  it("Should work with the keyboard alone: tab order, a visible focus ring, arrows for the mode, Enter submits", async () => {
    const { page, problems, close } = await open(embed("en"), 1280);
    await settled(page);
    const order = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press("Tab");
      const f = await focused(page);
      order.push(f?.id);
      // Chromium's default ring is thin and auto-coloured; ours is a 3-pixel solid outline.
      expect(f, `focus ring on ${f?.id}`).toMatchObject({ outline: "solid" });
      expect(f!.width, `focus ring width on ${f?.id}`).toBeGreaterThanOrEqual(2);
    }
    expect(order).toEqual(["send", "amount", "payout", "compare"]);

    const answers = await countAnswers(page);
    await page.keyboard.press("Enter"); // on the Compare button
    await expect.poll(answers).toBeGreaterThan(0);
    await settled(page);

    for (let i = 0; i < 3; i++) await page.keyboard.press("Shift+Tab");
    expect((await focused(page))?.id).toBe("send");
    await page.keyboard.press("ArrowDown");
    await attribute(page, "mode", "receive");
    expect((await focused(page))?.id).toBe("receive");
    await page.keyboard.press("Tab");
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.type("5000");
    await page.keyboard.press("Enter");
    await attribute(page, "amount", "5000");
    await settled(page);
    expect(problems).toEqual([]);
    await close();
  });

  it("Should tell a screen reader when results arrive, through one polite live region", async () => {
    const { page, problems, close } = await open(embed("en"), 1280);
    await settled(page);
    // What Chromium hands to screen readers: a status node that is a polite live region.
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = (await cdp.send("Accessibility.getFullAXTree")) as { nodes: { role?: { value: string }; properties?: { name: string; value: { value: unknown } }[] }[] };
    const live = nodes.filter((n) => n.properties?.some((p) => p.name === "live" && p.value.value === "polite") && n.role?.value === "status");
    expect(live.length).toBeGreaterThan(0);
    const said = () => widget(page, "[role=status]").textContent();
    const shown = await widget(page, "li.quote").count();
    expect(shown).toBeGreaterThan(1);
    expect(await said()).toMatch(new RegExp(`^${shown} options\\. Prices as of `));
    // The results themselves are not live: a change says one sentence, not the whole list again.
    expect(await widget(page, "[aria-live] ol, [role=status] ol, [role=alert] ol").count()).toBe(0);

    await widget(page, "select[name=payout]").selectOption("home_delivery");
    await attribute(page, "payout", "home_delivery");
    await settled(page);
    expect(await said()).toMatch(/^No provider offers this amount with these choices\./);

    await compare(page, "abc");
    await expect.poll(() => widget(page, "[role=alert][id$=-amount-error]").textContent()).toMatch(/Enter an amount in figures/);
    expect(await widget(page, "input[name=amount]").getAttribute("aria-describedby")).toMatch(/-amount-error$/);
    expect(problems).toEqual([]);
    await close();
  });

  it.for(LANGS)("Should fit a 320-pixel screen without sideways scrolling (%s)", async (lang) => {
    const { page, problems, close } = await open(embed(lang), 320);
    await REACH.badAmount(page);
    expect(await overflow(page)).toMatchObject({ cut: [] });
    const { scrollWidth, clientWidth } = await overflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    expect(problems).toEqual([]);
    await close();
  });

  it("Should fit /docs on a 320-pixel screen without sideways scrolling", async () => {
    const { page, problems, close } = await open("/docs", 320);
    const { scrollWidth, clientWidth } = await overflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    expect(problems).toEqual([]);
    await close();
  });

  it.for([1280, 640])("Should stay usable with text at twice its size in a %i-pixel window", async (width) => {
    const { page, problems, close } = await open(embed("fr"), width);
    await settled(page);
    // What a reader's "larger text" setting does: the root font size doubles; the widget sizes in rem/em.
    const before = await widget(page, "[id$=-title]").evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    await page.evaluate(() => (document.documentElement.style.fontSize = "200%"));
    const after = await widget(page, "[id$=-title]").evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(after).toBeCloseTo(before * 2, 0);
    expect(await overflow(page)).toMatchObject({ cut: [] });
    const { scrollWidth, clientWidth } = await overflow(page);
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await compare(page, "300");
    await attribute(page, "amount", "300");
    await settled(page);
    expect(await widget(page, "li.quote").count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await close();
  });
});
