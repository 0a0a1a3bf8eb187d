/**
 * The daily ECB fetch never ends in an uncaught error: a failure is logged with its cause, shown in
 * GET /v1/admin/rates/status and retried on the feed's alarm the same day, until the day's rates
 * arrive or the day ends. A weekend or TARGET holiday is not a failure. The outbound fetch is a spy
 * (the worker runs in the tests' isolate); KV and the Durable Objects are workerd's own.
 */
import { env as cloudflareEnv } from "cloudflare:workers";
import { createExecutionContext, createScheduledController, runDurableObjectAlarm, waitOnExecutionContext } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ecbClosedReason } from "../src/domain/ecb-calendar.ts";
import type { Env } from "../src/env.ts";
import { statsLedgerOf } from "../src/http/services.ts";
import worker from "../src/index.ts";
import { ratesFeedOf } from "../src/store/rates-feed.ts";
import { adminCall, call, ecbDaily, json } from "./helpers.ts";

const env = cloudflareEnv as unknown as Env;

/** The outbound fetch, answering each call from `answers` in turn (a thrown error is a network failure). */
function ecbAnswers(...answers: (() => Response)[]) {
  const urls: string[] = [];
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input) => {
    urls.push(input instanceof Request ? input.url : String(input));
    const next = answers.shift();
    if (!next) throw new Error("no more answers in this test");
    return next();
  });
  return urls;
}
const networkDown = () => {
  throw new TypeError("Network connection lost.", { cause: new Error("getaddrinfo ENOTFOUND www.ecb.europa.eu") });
};

async function cron(scheduledTime: string) {
  const ctx = createExecutionContext();
  await worker.scheduled!(createScheduledController({ scheduledTime: new Date(scheduledTime), cron: "30 15 * * 1-5" }), env, ctx);
  await waitOnExecutionContext(ctx);
}
const status = async () => {
  const res = await adminCall("GET", "/v1/admin/rates/status");
  expect(res.status).toBe(200);
  return json(res);
};

afterEach(() => vi.restoreAllMocks());

// Days in the future: an alarm planned for them never fires by itself, only when a test runs it.
describe("the scheduled ECB fetch", () => {
  it("logs a failed fetch with its cause, retries it on the alarm, and imports the day's rates once", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const urls = ecbAnswers(networkDown, () => new Response(ecbDaily("2030-03-13"), { headers: { "content-type": "text/xml" } }));
    await cron("2030-03-13T15:30:00Z"); // a Wednesday

    expect(urls).toEqual([env.ECB_DAILY_URL]);
    expect(errors.mock.calls.map((c) => String(c[0])).join("\n")).toMatch(/2030-03-13, attempt 1 failed: Network connection lost\.: getaddrinfo ENOTFOUND/);
    const failed = await status();
    expect(failed).toMatchObject({
      lastSuccess: null,
      lastFailure: { day: "2030-03-13", attempt: 1, reason: expect.stringContaining("ENOTFOUND"), retryAt: "2030-03-13T15:35:00.000Z" },
      nextAttemptAt: "2030-03-13T15:35:00.000Z",
    });
    expect(await statsLedgerOf(env).ecbRatesOn("2030-03-13")).toBeFalsy();

    expect(await runDurableObjectAlarm(ratesFeedOf(env))).toBe(true);
    expect(urls).toHaveLength(2);
    const ok = await status();
    expect(ok).toMatchObject({ lastSuccess: { day: "2030-03-13", ratesDate: "2030-03-13", attempt: 2, currencies: 2 }, nextAttemptAt: null });
    // The failure stays visible after the success that followed it.
    expect(ok.lastFailure).toEqual(failed.lastFailure);
    expect((await statsLedgerOf(env).ecbRatesOn("2030-03-13"))?.rates).toEqual({ USD: "1.0875", JPY: "161.20" });

    // Nothing left to retry, and the day's cron run again fetches nothing.
    expect(await runDurableObjectAlarm(ratesFeedOf(env))).toBe(false);
    await cron("2030-03-13T15:30:00Z");
    expect(urls).toHaveLength(2);
  });

  it("records nothing as a failure on a weekend or a TARGET holiday, and fetches nothing", async () => {
    const urls = ecbAnswers();
    const before = await status();
    await cron("2030-03-16T15:30:00Z"); // a Saturday
    expect((await status()).lastClosed).toEqual({ day: "2030-03-16", reason: expect.stringContaining("Saturday") });
    await cron("2030-04-19T15:30:00Z"); // Good Friday 2030
    const after = await status();
    expect(after.lastClosed).toEqual({ day: "2030-04-19", reason: expect.stringContaining("Good Friday") });
    expect(urls).toEqual([]);
    expect(after.lastFailure).toEqual(before.lastFailure);
    expect(after.nextAttemptAt).toBeNull();
  });

  it("retries a file that does not have the day's rates yet, and an HTTP error, with a growing pause", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const urls = ecbAnswers(
      () => new Response(ecbDaily("2030-03-18"), { headers: { "content-type": "text/xml" } }),
      () => new Response("busy", { status: 503 }),
      () => new Response(ecbDaily("2030-03-19"), { headers: { "content-type": "text/xml" } }),
    );
    await cron("2030-03-19T15:30:00Z");
    expect(await status()).toMatchObject({ lastFailure: { day: "2030-03-19", attempt: 1, reason: expect.stringContaining("not published the rates of 2030-03-19 yet"), retryAt: "2030-03-19T15:35:00.000Z" } });
    await runDurableObjectAlarm(ratesFeedOf(env));
    expect(await status()).toMatchObject({ lastFailure: { attempt: 2, reason: expect.stringContaining("answered 503"), retryAt: "2030-03-19T15:45:00.000Z" } });
    await runDurableObjectAlarm(ratesFeedOf(env));
    expect(await status()).toMatchObject({ lastSuccess: { day: "2030-03-19", attempt: 3 }, nextAttemptAt: null });
    expect(urls).toHaveLength(3);
  });

  it("stops retrying when the day ends, and says so", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const urls = ecbAnswers(networkDown, networkDown);
    await cron("2030-03-20T23:50:00Z");
    expect((await status()).nextAttemptAt).toBe("2030-03-20T23:55:00.000Z");
    await runDurableObjectAlarm(ratesFeedOf(env));
    // The next pause (10 minutes) would end after midnight.
    expect(await status()).toMatchObject({ lastFailure: { day: "2030-03-20", attempt: 2, retryAt: null }, nextAttemptAt: null });
    expect(await runDurableObjectAlarm(ratesFeedOf(env))).toBe(false);
    expect(urls).toHaveLength(2);
  });

  it("is the operator's to read", async () => {
    expect((await call("/v1/admin/rates/status")).status).toBe(401);
  });
});

describe("the ECB calendar", () => {
  it("knows weekends and the TARGET holidays, Easter's included", () => {
    expect(ecbClosedReason("2030-03-13")).toBeUndefined();
    expect(ecbClosedReason("2030-03-17")).toContain("Sunday");
    expect(ecbClosedReason("2027-01-01")).toContain("New Year");
    expect(ecbClosedReason("2027-03-26")).toContain("Good Friday");
    expect(ecbClosedReason("2027-03-29")).toContain("Easter Monday");
    expect(ecbClosedReason("2029-05-01")).toContain("Labour Day");
    expect(ecbClosedReason("2026-12-25")).toContain("Christmas");
    expect(ecbClosedReason("2030-12-26")).toContain("Boxing Day");
    expect(ecbClosedReason("2026-12-28")).toBeUndefined(); // a Monday after Christmas: open
    expect(ecbClosedReason("2025-04-18")).toContain("Good Friday");
    expect(ecbClosedReason("2025-04-21")).toContain("Easter Monday");
    expect(ecbClosedReason("2025-04-22")).toBeUndefined();
  });
});
