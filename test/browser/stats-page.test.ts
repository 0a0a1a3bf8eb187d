/**
 * The regulators' page in headless Chromium: rendered under its own policy with no console error,
 * the corridors above 5 % first and marked, sorting by a column with the script, the same order
 * without it, and a screenshot kept in test-artifacts/ for a person to look at.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RPW_HEADER, rpwRow } from "../charts/rpw-rows.ts";
import { ADMIN_TOKEN, startWorker, type LocalWorker } from "./local-worker.ts";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

let worker: LocalWorker;
let context: BrowserContext;
let profile: string;

// Twelve corridors over twelve quarters, each with its own level and slope; some quarters missing.
const DESTINATIONS = ["MEX", "GTM", "SLV", "HND", "PHL", "IND", "NGA", "GHA", "KEN", "UGA", "VNM", "PAK"];
const QUARTERS = ["2017_1Q", "2017_2Q", "2017_3Q", "2017_4Q", "2018_1Q", "2018_2Q", "2018_3Q", "2018_4Q", "2019_1Q", "2019_2Q", "2019_3Q", "2019_4Q"];

function rows(): string[] {
  return DESTINATIONS.flatMap((to, c) =>
    QUARTERS.flatMap((q, i) => {
      if ((c + i) % 7 === 3) return []; // a quarter without a survey
      const level = 2 + c * 0.75 - i * 0.08;
      return [-1.2, -0.4, 0.3, 1.5].map((d, f) => rpwRow(q, "USA", to, `Firm ${f}`, Math.max(0.5, level + d).toFixed(2)));
    }),
  );
}

beforeAll(async () => {
  worker = await startWorker();
  const res = await fetch(`${worker.origin}/v1/admin/imports/rpw`, {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "text/csv" },
    body: [RPW_HEADER, ...rows()].join("\n"),
  });
  expect(res.status, await res.clone().text()).toBe(200);
  profile = await mkdtemp(join(tmpdir(), "tenc-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    chromiumSandbox: false,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
});

afterAll(async () => {
  await context?.close();
  await worker?.stop();
  if (profile) await rm(profile, { recursive: true, force: true });
});

async function open(path: string, javaScript = true): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("response", (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
  if (!javaScript) await page.route("**/stats.js", (r) => r.abort());
  await page.setViewportSize({ width: 1100, height: 900 });
  await page.goto(worker.origin + path);
  // Every image (the global chart, each corridor's sparkline) loaded and drawn.
  await page.evaluate(() => Promise.all([...document.images].map((i) => (i.scrollIntoView(), i.decode()))));
  await page.evaluate(() => window.scrollTo(0, 0));
  return { page, errors };
}

const rowIds = (page: Page) => page.$$eval("#corridor-table tbody tr", (trs) => trs.map((tr) => tr.id.replace("row-", "")));

describe("/stats in Chromium", () => {
  it("Should render with no console error, the corridors above 5 % first and named at the top", async () => {
    const { page, errors } = await open("/stats");
    const latest = (await (await fetch(`${worker.origin}/v1/stats/corridors`)).json()) as { corridors: { corridor: string; sdg: string | null }[] };
    const above = latest.corridors.filter((s) => s.sdg === "above_5").map((s) => s.corridor);
    expect(above.length).toBeGreaterThan(0);
    expect(above.length).toBeLessThan(latest.corridors.length);
    const ids = await rowIds(page);
    expect(new Set(ids.slice(0, above.length))).toEqual(new Set(above));
    expect(await page.textContent("#headline")).toContain(`${above.length} of ${latest.corridors.length} corridors`);
    const images = await page.$$eval("img", (imgs) => imgs.map((i) => ({ ok: i.naturalWidth > 0, alt: i.alt })));
    expect(images.length).toBe(1 + latest.corridors.length);
    for (const i of images) expect(i.ok && i.alt.length > 10).toBe(true);
    await mkdir("test-artifacts", { recursive: true });
    await page.screenshot({ path: "test-artifacts/stats-page.png", fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Should sort by a column when its heading is chosen, and back", async () => {
    const { page, errors } = await open("/stats?lang=fr");
    await page.getByRole("button", { name: "Corridor" }).click();
    const ids = await rowIds(page);
    expect(ids).toEqual([...ids].sort());
    expect(await page.getAttribute("#corridor-table thead th:first-child", "aria-sort")).toBe("ascending");
    await page.getByRole("button", { name: "Moyenne" }).click();
    const averages = await page.$$eval("#corridor-table tbody td.average", (tds) => tds.map((td) => Number(td.getAttribute("data-sort"))));
    expect(averages).toEqual([...averages].sort((a, b) => a - b));
    await page.getByRole("button", { name: "Moyenne" }).click();
    const down = await page.$$eval("#corridor-table tbody td.average", (tds) => tds.map((td) => Number(td.getAttribute("data-sort"))));
    expect(down).toEqual([...averages].reverse());
    expect(errors).toEqual([]);
    await page.close();
  });

  it("Should work without JavaScript: the same table in the same order, no sort buttons", async () => {
    const withScript = await open("/stats");
    const without = await open("/stats", false);
    expect(await rowIds(without.page)).toEqual(await rowIds(withScript.page));
    expect(await without.page.$$("#corridor-table thead button")).toHaveLength(0);
    expect(await withScript.page.$$("#corridor-table thead button")).toHaveLength(5);
    await without.page.close();
    await withScript.page.close();
  });
});
