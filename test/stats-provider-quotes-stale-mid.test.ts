/**
 * A provider's quote whose only mid-market rate is more than MID_UNUSABLE_AFTER_DAYS older than the
 * quote: the comparison leaves it unpriced, so the statistics do not count it either (one decision,
 * `judgeMid`). Observations are built when a quote is written: the provider's next quote, written once
 * a fresh mid is there, is counted.
 */
import { env as cloudflareEnv } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import type { Env } from "../src/env.ts";
import { quarterOf } from "../src/domain/period.ts";
import { statsLedgerOf } from "../src/http/services.ts";
import { adminCall, call, json, product, putProvider } from "./helpers.ts";

const env = cloudflareEnv as unknown as Env;
const observedAt = new Date(Date.now() - 3_600_000).toISOString();
const period = quarterOf(new Date(observedAt));
const evilAt = (at: string) => ({ provider: { name: "Evil Remit", type: "mto" }, products: [product({ sendCurrency: "GBP", receiveCurrency: "INR", fee: { fixed: "0.01" }, rate: "200", receiverFee: undefined, observedAt: at })] });

async function setRates(asOf: string) {
  for (const [base, quote, rate] of [["GBP", "INR", "110.5"], ["USD", "GBP", "0.79"]] as const) {
    const res = await adminCall("PUT", `/v1/admin/rates/${base}/${quote}`, { rate, asOf, source: "test" });
    expect(res.status, await res.text()).toBe(200);
  }
}

async function statsCsv(): Promise<string> {
  await statsLedgerOf(env).publishNow();
  const res = await call(`/v1/stats/corridors/GBR-IND?period=${period}&format=csv`);
  return res.status === 200 ? res.text() : `${res.status}`;
}

describe("a provider quote priced only by an unusable mid", () => {
  it("is unpriced in the comparison and not counted in the statistics", async () => {
    await setRates("2025-10-01T14:10:00+01:00");
    await putProvider("GBR-IND", "evil", evilAt(observedAt));
    const comparison = await json(await call("/v1/corridors/GBR-IND/quotes?amount=200"));
    expect(comparison.quotes.map((q: { provider: { id: string } }) => q.provider.id)).not.toContain("evil");
    expect(comparison.unpriced).toEqual([expect.objectContaining({ provider: "evil", reason: expect.stringContaining("not used to price") })]);
    expect(await statsCsv()).not.toContain("Evil Remit");
  });

  it("is counted once the provider republishes it with a fresh mid there", async () => {
    await setRates(new Date(Date.now() - 7_200_000).toISOString());
    // The provider's next quote (an unchanged one is not a new write).
    await putProvider("GBR-IND", "evil", evilAt(new Date(Date.now() - 1_800_000).toISOString()));
    expect((await json(await call("/v1/corridors/GBR-IND/quotes?amount=200"))).unpriced).toEqual([]);
    expect(await statsCsv()).toContain("Evil Remit");
  });
});
