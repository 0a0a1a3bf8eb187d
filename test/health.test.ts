/**
 * GET /health answers 200 while the worker runs, and says `degraded`, with the reason, when the
 * daily ECB rates have never arrived or are older than MID_STALE_AFTER_DAYS.
 */
import { env as cloudflareEnv } from "cloudflare:workers";
import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, expect, it, vi } from "vitest";
import { buildApp } from "../src/app.ts";
import { ecbClosedReason, utcDate } from "../src/domain/ecb-calendar.ts";
import type { Env } from "../src/env.ts";
import worker from "../src/index.ts";
import { call, ecbDaily, json } from "./helpers.ts";

const env = cloudflareEnv as unknown as Env;
const DAY = 86_400_000;

async function cronWith(day: string, answer: () => Response) {
  vi.spyOn(globalThis, "fetch").mockImplementation(async () => answer());
  const ctx = createExecutionContext();
  await worker.scheduled!(createScheduledController({ scheduledTime: new Date(`${day}T15:30:00Z`) }), env, ctx);
  await waitOnExecutionContext(ctx);
}
const health = async (vars: Record<string, string> = {}) => {
  const res = await buildApp().fetch(new Request("http://tenc.test/health"), { ...env, ...vars }, createExecutionContext());
  expect(res.status).toBe(200);
  return json(res);
};
/** The latest TARGET business day at least `days` days before today. */
function openDayAgo(days: number): string {
  let ms = Date.now() - days * DAY;
  while (ecbClosedReason(utcDate(ms))) ms -= DAY;
  return utcDate(ms);
}

afterEach(() => vi.restoreAllMocks());

it("is ok before any scheduled fetch has run", async () => {
  expect(await json(await call("/health"))).toEqual({ ok: true, status: "ok", reasons: [] });
});

it("is degraded, still 200, when the daily rates have never been fetched, naming the failure", async () => {
  vi.spyOn(console, "error").mockImplementation(() => {});
  // A future day: its retry waits for an alarm that this test does not run.
  await cronWith("2030-03-13", () => new Response("down for maintenance", { status: 503 }));
  const body = await health();
  expect(body.status).toBe("degraded");
  expect(body.reasons).toEqual([expect.stringMatching(/never been fetched.*2030-03-13.*answered 503/)]);
});

it("is degraded when the newest ECB rates are more than MID_STALE_AFTER_DAYS old, and ok under a larger limit", async () => {
  const day = openDayAgo(6);
  await cronWith(day, () => new Response(ecbDaily(day), { headers: { "content-type": "text/xml" } }));
  const body = await health();
  expect(body.status).toBe("degraded");
  expect(body.reasons).toEqual([expect.stringMatching(new RegExp(`ECB reference rates are \\d+ days old \\(as of ${day}T14:10:00\\+01:00\\), more than 4`))]);
  expect(await health({ MID_STALE_AFTER_DAYS: "30" })).toEqual({ ok: true, status: "ok", reasons: [] });
});
