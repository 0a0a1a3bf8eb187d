/**
 * Regression: the corridor ledger's first publish used to leave a settled promise in `nextPublish`,
 * so every later write to the corridor was stored but never reached KV.
 */
import { describe, expect, it } from "vitest";
import { call, json, product, putProvider } from "./helpers.ts";

describe("the corridor ledger", () => {
  it("publishes a second provider's write to KV, not only the first", async () => {
    await putProvider("KWT-IND", "alpha", { provider: { name: "Alpha", type: "mto" }, products: [product()] });
    await putProvider("KWT-IND", "beta", { provider: { name: "Beta", type: "bank" }, products: [product()] });
    const doc = await json(await call("/v1/corridors/KWT-IND"));
    expect(doc.providers).toBe(2);
  });
});
