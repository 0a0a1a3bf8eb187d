/**
 * A comparison reuses what it prepared from an unchanged corridor document, yet always answers
 * with the current document and the current reference rates.
 */
import { describe, expect, it } from "vitest";
import { call, json, product, putProvider, putRate } from "./helpers.ts";

const provider = { name: "Alpha Remit", type: "mto" };

async function quotes(corridor: string, query = "amount=200") {
  const res = await call(`/v1/corridors/${corridor}/quotes?${query}`);
  expect(res.status).toBe(200);
  return json(res);
}

describe("comparisons read fresh data through the prepared-corridor cache", () => {
  it("uses a reference rate changed after the corridor was prepared", async () => {
    await putRate("KWD", "INR", "271.3377");
    await putProvider("KWT-IND", "alpha", { provider, products: [product()] });
    const before = await quotes("KWT-IND");
    expect(before.quotes[0].midRate).toBe("271.3377");
    await putRate("KWD", "INR", "280");
    const after = await quotes("KWT-IND");
    expect(after.quotes[0].midRate).toBe("280");
    expect(after.quotes[0].fxMarginPercent).not.toBe(before.quotes[0].fxMarginPercent);
  });

  it("prices a product in a new currency pair added after the corridor was prepared", async () => {
    await putRate("KWD", "INR", "271.3377");
    await putRate("JPY", "KWD", "0.00197");
    await putProvider("KWT-JPN", "alpha", { provider, products: [product()] });
    expect((await quotes("KWT-JPN")).quotes).toHaveLength(1);
    await putProvider("KWT-JPN", "beta", { provider: { ...provider, name: "Beta" }, products: [product({ id: "yen", receiveCurrency: "JPY", rate: "500", receiverFee: undefined })] });
    const body = await quotes("KWT-JPN");
    expect(body.quotes.map((q: { product: string }) => q.product).sort()).toEqual(["cash-pickup", "yen"]);
    expect(body.midRates.map((m: { quote: string; derivation: string }) => `${m.quote}:${m.derivation}`).sort()).toEqual(["INR:direct", "JPY:inverse"]);
    expect(body.unpriced).toEqual([]);
  });

  it("answers the same body for the same question, prepared or not", async () => {
    await putRate("KWD", "INR", "271.3377");
    await putProvider("KWT-PAK", "alpha", { provider, products: [product()] });
    const first = await quotes("KWT-PAK", "amount=137.125");
    const second = await quotes("KWT-PAK", "amount=137.125");
    expect(second).toEqual(first);
  });
});

describe("the bench floor route", () => {
  it("is not in the production worker (only bench/worker-entry.ts adds it)", async () => {
    await putRate("KWD", "INR", "271.3377");
    await putProvider("KWT-BGD", "alpha", { provider, products: [product()] });
    const res = await call("/__bench/floor/KWT-BGD");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });
});
