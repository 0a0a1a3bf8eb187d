/**
 * No lost updates: Workers KV has no compare-and-swap, so providers writing to one corridor at the
 * same moment must not overwrite each other (each corridor's writes go through its ledger).
 */
import { describe, expect, it } from "vitest";
import { adminCall, call, json, product, putRate } from "./helpers.ts";

const CORRIDOR = "KEN-UGA";
const PROVIDERS = Array.from({ length: 50 }, (_, i) => `provider-${String(i).padStart(2, "0")}`);

/** Provider i's product: its rate differs per provider so each one's own write can be recognised. */
const body = (i: number, round: number) => ({
  provider: { name: `Provider ${i}`, type: "mto" },
  products: [product({ id: "cash", sendCurrency: "KES", receiveCurrency: "UGX", fee: { fixed: "100" }, rate: `${28 + round}.${String(i).padStart(2, "0")}`, receiverFee: undefined })],
});

const writeAll = (round: number) => Promise.all(PROVIDERS.map((id, i) => adminCall("PUT", `/v1/admin/corridors/${CORRIDOR}/quotes/${id}`, body(i, round))));

const ratesByProvider = async () => {
  const res = await call(`/v1/corridors/${CORRIDOR}/quotes?amount=10000`);
  expect(res.status).toBe(200);
  const comparison = await json(res);
  return new Map<string, string>(comparison.quotes.map((q: any) => [q.provider.id, q.rate]));
};

describe("50 providers writing to the same corridor at the same moment", () => {
  it("all end up in the comparison, when the corridor is new and when each updates its prices", async () => {
    await putRate("KES", "UGX", "29.5");

    const created = await writeAll(0);
    expect(created.map((r) => r.status)).toEqual(PROVIDERS.map(() => 200));
    let rates = await ratesByProvider();
    expect([...rates.keys()].sort()).toEqual(PROVIDERS);
    PROVIDERS.forEach((id, i) => expect(rates.get(id), id).toBe(`28.${String(i).padStart(2, "0")}`));
    expect((await json(await call(`/v1/corridors/${CORRIDOR}`))).providers).toBe(50);

    const updated = await writeAll(1);
    expect(updated.map((r) => r.status)).toEqual(PROVIDERS.map(() => 200));
    rates = await ratesByProvider();
    expect(rates.size).toBe(50);
    PROVIDERS.forEach((id, i) => expect(rates.get(id), id).toBe(`29.${String(i).padStart(2, "0")}`));
  });
});
