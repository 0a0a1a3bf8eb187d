/**
 * The reverse question through the route, on the example: a fee of 10 USD up to 100 USD
 * and none above. The cheapest way to deliver 1615 MXN at rate 17 is to send 100.01 (fee 0, pays
 * 100.01, delivers 1700.17), not 95.00 (fee 10.00, pays 105.00).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, json, product, putProvider, putRate } from "./helpers.ts";

describe("GET /v1/corridors/{corridor}/quotes?recipientAmount=…", () => {
  beforeAll(async () => {
    await putRate("USD", "MXN", "17.2");
    await putProvider("USA-MEX", "free-above-100", {
      provider: { name: "Free above 100", type: "mto" },
      products: [product({ id: "banded", sendCurrency: "USD", receiveCurrency: "MXN", rate: "17", feeMode: "on_top", fee: { fixed: "0", bands: [{ upTo: "100", fixed: "10" }] }, receiverFee: undefined })],
    });
  });

  it("answers what the sender pays least, not the smallest send amount", async () => {
    const res = await call("/v1/corridors/USA-MEX/quotes?recipientAmount=1615&receiveCurrency=MXN");
    expect(res.status).toBe(200);
    const [quote] = (await json(res)).quotes;
    expect(quote).toMatchObject({
      sendAmount: { amount: "100.01", currency: "USD" },
      fee: { amount: "0.00", currency: "USD" },
      senderPays: { amount: "100.01", currency: "USD" },
      recipientGets: { amount: "1700.17", currency: "MXN" },
    });
  });
});
