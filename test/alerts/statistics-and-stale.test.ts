/**
 * corridor.threshold_crossed and statistics.published from real statistics publishes (provider
 * quotes observed in two quarters), and quote.stale from the scheduled handler's check: each fires
 * when its line is crossed, once, and not otherwise.
 */
import { Webhook } from "standardwebhooks";
import { describe, expect, it, vi } from "vitest";
import { thresholdCrossings } from "../../src/domain/alerts/crossings.ts";
import { statsLedgerOf } from "../../src/http/services.ts";
import { alertOnStaleQuotes } from "../../src/store/alert-hooks.ts";
import { call, json, product, putProvider, putRate } from "../helpers.ts";
import { issueToken } from "../trust/helpers.ts";
import { bearer, deliveries, env, hook, receiver, subscribe } from "./helpers.ts";

const rx = receiver();
// Not restored: the queue may retry a delivery after the last test, and it must not leave the isolate.

const DAY = 86_400_000;

/** 200 USD to GTQ at mid 8: a fee of `fee` USD (fee/2 %) plus a 0.5 % margin. */
const gtm = (fee: string, observedAt: string) => ({
  provider: { name: "Quetzal Express", type: "mto" },
  products: [product({ id: "cash", sendCurrency: "USD", receiveCurrency: "GTQ", fee: { fixed: fee }, rate: "7.96", receiverFee: undefined, observedAt })],
});

describe("the statistics lines", () => {
  it("crossing rules: both directions, both lines, and exactly on a line is not above it", () => {
    const q = (period: string, average: string | null) => ({ period, average });
    expect(thresholdCrossings([q("2026Q1", "2.5"), q("2026Q2", "3.5")])).toEqual([{ period: "2026Q2", previousPeriod: "2026Q1", line: "3", direction: "above", average: "3.5", previousAverage: "2.5" }]);
    expect(thresholdCrossings([q("2026Q1", "6"), q("2026Q2", "2")]).map((c) => [c.line, c.direction])).toEqual([["3", "below"], ["5", "below"]]);
    expect(thresholdCrossings([q("2026Q1", "2.9"), q("2026Q2", "3.0000")])).toEqual([]);
    expect(thresholdCrossings([q("2026Q1", "3.5"), q("2026Q2", "4.9"), q("2026Q3", "4.1")])).toEqual([]);
    expect(thresholdCrossings([q("2026Q1", "2"), q("2026Q2", null), q("2026Q3", "6")])).toEqual([]);
  });

  it("announces a corridor's quarter crossing 3 % or 5 % once, and every publish of the statistics", async () => {
    const me = bearer((await issueToken({ role: "collector" })).token);
    const sub = await subscribe(me, { url: hook("stats"), events: ["corridor.threshold_crossed", "statistics.published"], corridors: ["USA-GTM"] });
    const elsewhere = await subscribe(me, { url: hook("stats-mex"), events: ["corridor.threshold_crossed"], corridors: ["USA-MEX"] });
    await putRate("USD", "GTQ", "8");
    const publish = async (fee: string, observedAt: string) => {
      await putProvider("USA-GTM", "quetzal", gtm(fee, observedAt));
      await statsLedgerOf(env).publishNow();
      return (await deliveries(me, sub.id)).reverse();
    };
    const crossings = (log: any[]) => log.filter((d) => d.type === "corridor.threshold_crossed");

    let log = await publish("3.00", "2026-02-10T10:00:00Z"); // 2026Q1: 2 %
    expect(crossings(log)).toHaveLength(0);
    expect(log.filter((d) => d.type === "statistics.published").length).toBeGreaterThanOrEqual(1);
    log = await publish("6.00", "2026-05-10T10:00:00Z"); // 2026Q2: 3.5 %, above 3
    expect(crossings(log)).toHaveLength(1);
    log = await publish("6.50", "2026-05-11T10:00:00Z"); // 2026Q2 again: 3.75 %, no new line
    expect(crossings(log)).toHaveLength(1);
    log = await publish("9.00", "2026-05-12T10:00:00Z"); // 5 %: on the line, not above it
    expect(crossings(log)).toHaveLength(1);
    log = await publish("10.00", "2026-05-13T10:00:00Z"); // 5.5 %: above 5
    expect(crossings(log)).toHaveLength(2);
    // Revised to 1.5 %: the quarter is now on 2026Q1's side of both lines, so nothing crossed.
    log = await publish("2.00", "2026-05-14T10:00:00Z");
    expect(crossings(log)).toHaveLength(2);
    // Back to 3.5 %: a crossing of 3 % again, announced again.
    log = await publish("6.00", "2026-05-15T10:00:00Z");
    expect(crossings(log)).toHaveLength(3);
    // What the subscriber received, verified with its secret.
    await vi.waitFor(() => expect(rx.received.filter((r) => r.url === hook("stats") && r.body.includes("threshold_crossed"))).toHaveLength(3), { timeout: 15_000 });
    const events = rx.received
      .filter((r) => r.url === hook("stats"))
      .map((r) => new Webhook(sub.secret).verify(r.body, r.headers) as any)
      .filter((e) => e.type === "corridor.threshold_crossed")
      .map((e) => e.data);
    expect(events.map((d) => [d.line, d.direction, d.averageTotalCostPercent]).sort()).toEqual([["3", "above", "3.5000"], ["3", "above", "3.5000"], ["5", "above", "5.5000"]]);
    expect(events[0]).toMatchObject({ corridor: "USA-GTM", period: "2026Q2", previousPeriod: "2026Q1", amountUsd: "200", previousAverageTotalCostPercent: "2.0000" });
    expect((await json(await call("/v1/stats/corridors/USA-GTM?period=2026Q2"))).averageTotalCostPercent).toBe("3.5000");
    expect(await deliveries(me, elsewhere.id)).toHaveLength(0);
  });
});

describe("quote.stale", () => {
  it("announces each quote once when it passes STALE_AFTER_DAYS", async () => {
    const me = bearer((await issueToken({ role: "collector" })).token);
    const sub = await subscribe(me, { url: hook("stale"), events: ["quote.stale"], corridors: ["USA-HND"] });
    await putRate("USD", "HNL", "25");
    const days = (n: number) => new Date(Date.now() - n * DAY).toISOString();
    const hnd = (id: string, observedAt: string) => ({
      provider: { name: `Provider ${id}`, type: "bank" },
      products: [product({ id: "acct", sendCurrency: "USD", receiveCurrency: "HNL", fee: { fixed: "2" }, rate: "24.8", receiverFee: undefined, observedAt })],
    });
    await putProvider("USA-HND", "fresh", hnd("fresh", days(29)));
    await putProvider("USA-HND", "old", hnd("old", days(31)));

    await alertOnStaleQuotes(env);
    let log = await deliveries(me, sub.id);
    expect(log).toHaveLength(1);
    await alertOnStaleQuotes(env);
    expect(await deliveries(me, sub.id)).toHaveLength(1);

    // Re-observed: fresh again, and stale again only once it ages.
    await putProvider("USA-HND", "old", hnd("old", days(1)));
    await alertOnStaleQuotes(env);
    expect(await deliveries(me, sub.id)).toHaveLength(1);
    await putProvider("USA-HND", "fresh", hnd("fresh", days(45)));
    await alertOnStaleQuotes(env);
    log = await deliveries(me, sub.id);
    expect(log).toHaveLength(2);
    expect(log.every((d) => d.type === "quote.stale")).toBe(true);
  });
});
