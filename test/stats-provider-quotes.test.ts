/**
 * Quotes published through the provider API are observations too: of the quarter they were
 * observed in, priced at the USD 200 and USD 500 equivalents at that day's ECB reference rates.
 */
import { env as cloudflareEnv } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import Decimal from "decimal.js";
import daily from "../data/ecb/eurofxref-daily.xml?raw";
import type { Env } from "../src/env.ts";
import { statsLedgerOf } from "../src/http/services.ts";
import { adminCall, call, json, product, putProvider } from "./helpers.ts";

const env = cloudflareEnv as unknown as Env;
const ecb = (currency: string) => new Decimal(new RegExp(`currency='${currency}' rate='([\\d.]+)'`).exec(daily)![1]!);

let firstAverage = "";

describe("provider quotes as observations", () => {
  it("counts a published quote in its quarter, priced at USD 200 and 500 at its day's ECB rates", async () => {
    expect((await adminCall("POST", "/v1/admin/imports/ecb", daily, { "content-type": "application/xml" })).status).toBe(200);
    // GBP → INR, observed on the ECB file's day: USD 200 is 200 × GBP/USD in pounds.
    const quote = product({ sendCurrency: "GBP", receiveCurrency: "INR", fee: { fixed: "3.00" }, feeMode: "on_top", rate: "108.50", receiverFee: undefined, speed: "next_day", observedAt: "2025-05-09T09:00:00Z" });
    await putProvider("GBR-IND", "alpha-remit", { provider: { name: "Alpha Remit", type: "mto" }, products: [quote] });
    await statsLedgerOf(env).publishNow();

    const stats = await json(await call("/v1/stats/corridors/GBR-IND?period=2025Q2"));
    const mid = ecb("INR").dividedBy(ecb("GBP"));
    const send = ecb("GBP").dividedBy(ecb("USD")).times(200).toDecimalPlaces(2);
    const expected = new Decimal(3).dividedBy(send).times(100).plus(mid.minus("108.50").dividedBy(mid).times(100));
    expect(stats).toMatchObject({ corridor: "GBR-IND", period: "2025Q2", services: 1, transparentServices: 1, averageTotalCostPercent: expected.toFixed(4) });
    expect(stats.cheapest).toMatchObject({ firm: "Alpha Remit", firmType: "mto" });
    firstAverage = stats.averageTotalCostPercent;
    const at500 = await json(await call("/v1/stats/corridors/GBR-IND?period=2025Q2&amount=500"));
    expect(Number(at500.averageTotalCostPercent)).toBeLessThan(Number(stats.averageTotalCostPercent));
  });

  it("replaces a product's observation when the provider republishes it in the same quarter", async () => {
    const quote = product({ sendCurrency: "GBP", receiveCurrency: "INR", fee: { fixed: "1.00" }, feeMode: "on_top", rate: "108.50", receiverFee: undefined, observedAt: "2025-05-09T12:00:00Z" });
    await putProvider("GBR-IND", "alpha-remit", { provider: { name: "Alpha Remit", type: "mto" }, products: [quote] });
    await statsLedgerOf(env).publishNow();
    const stats = await json(await call("/v1/stats/corridors/GBR-IND?period=2025Q2"));
    expect(stats.services).toBe(1);
    // The fee went from 3.00 to 1.00 GBP: the one observation now holds the new price.
    expect(Number(stats.averageTotalCostPercent)).toBeLessThan(Number(firstAverage));
  });
});
