/**
 * Stale data is visible: a quote past STALE_AFTER_DAYS is flagged, and past EXCLUDE_AFTER_DAYS
 * (when set) it is left out of comparisons, named in `excluded`, and kept in history. Unset, or 0,
 * excludes nothing: the seed data are 2019 observations and must stay comparable by default.
 */
import { createExecutionContext } from "cloudflare:test";
import { beforeAll, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { adminCall, call, json, putRate } from "../helpers.ts";
import { env, quotesBody } from "./helpers.ts";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().replace(/\.\d+Z$/, "Z");
const app = buildApp();
const compareWith = async (vars: Record<string, string>) =>
  json(await app.fetch(new Request("http://tenc.test/v1/corridors/KWT-IND/quotes?amount=100"), { ...env, ...vars }, createExecutionContext()));

beforeAll(async () => {
  await putRate("KWD", "INR", "270.5");
  await adminCall("PUT", "/v1/admin/corridors/KWT-IND/quotes/survey-2019", quotesBody("RPW 2019", "265", "2019-06-30T00:00:00Z"));
  await adminCall("PUT", "/v1/admin/corridors/KWT-IND/quotes/fresh", quotesBody("Fresh", "270", daysAgo(2)));
  await adminCall("PUT", "/v1/admin/corridors/KWT-IND/quotes/month-old", quotesBody("Month old", "268", daysAgo(45)));
});

it("by default shows every quote with its age, flags the old ones stale and excludes none", async () => {
  const body = await json(await call("/v1/corridors/KWT-IND/quotes?amount=100"));
  const byId = Object.fromEntries(body.quotes.map((q: any) => [q.provider.id, q]));
  expect(Object.keys(byId).sort()).toEqual(["fresh", "month-old", "survey-2019"]);
  expect(byId["survey-2019"].stale).toBe(true);
  expect(byId["survey-2019"].ageDays).toBeGreaterThan(365 * 7);
  expect(byId["month-old"]).toMatchObject({ stale: true, ageDays: 45 });
  expect(byId.fresh).toMatchObject({ stale: false, ageDays: 2 });
  expect(body.excluded).toEqual([]);
});

it("past EXCLUDE_AFTER_DAYS a quote is left out, reported as excluded, and kept in history", async () => {
  const body = await compareWith({ EXCLUDE_AFTER_DAYS: "40" });
  expect(body.quotes.map((q: any) => q.provider.id)).toEqual(["fresh"]);
  expect(body.excluded.map((e: any) => e.provider).sort()).toEqual(["month-old", "survey-2019"]);
  expect(body.excluded.find((e: any) => e.provider === "month-old")).toMatchObject({ product: "cash-pickup", ageDays: 45, observedAt: expect.any(String), reason: expect.stringContaining("40") });
  const history = (await json(await adminCall("GET", "/v1/admin/corridors/KWT-IND/history"))).records as any[];
  expect(history.map((r) => r.entry.id)).toContain("survey-2019");
});

it("treats 0, empty or nonsense EXCLUDE_AFTER_DAYS as never", async () => {
  for (const value of ["0", "", "-3", "abc", "1.5"]) {
    const body = await compareWith({ EXCLUDE_AFTER_DAYS: value });
    expect(body.quotes, value).toHaveLength(3);
    expect(body.excluded, value).toEqual([]);
  }
});
