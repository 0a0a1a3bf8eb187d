/**
 * Every accepted write reaches the KV document comparisons read, whether the writes come one
 * after another or all at once.
 */
import { describe, expect, it } from "vitest";
import { call, json, putProvider, putRate } from "./helpers.ts";
import { product } from "./helpers.ts";

const provider = (name: string) => ({ name, type: "mto" });

async function providerIds(corridor: string): Promise<string[]> {
  const res = await call(`/v1/corridors/${corridor}/quotes?amount=200`);
  expect(res.status).toBe(200);
  const body = await json(res);
  return [...new Set<string>(body.quotes.map((q: { provider: { id: string } }) => q.provider.id))].sort();
}

describe("the corridor ledger publishes every write", () => {
  it("publishes a second provider written after the first one was published", async () => {
    await putRate("KWD", "INR", "271.3377");
    await putProvider("KWT-IND", "first", { provider: provider("First"), products: [product()] });
    await putProvider("KWT-IND", "second", { provider: provider("Second"), products: [product()] });
    await putProvider("KWT-IND", "third", { provider: provider("Third"), products: [product()] });
    expect(await providerIds("KWT-IND")).toEqual(["first", "second", "third"]);
  });

  it("publishes all of many concurrent writes", async () => {
    await putRate("KWD", "INR", "271.3377");
    const ids = Array.from({ length: 12 }, (_, i) => `p${String(i).padStart(2, "0")}`);
    await Promise.all(ids.map((id) => putProvider("KWT-PHL", id, { provider: provider(id), products: [product()] })));
    expect(await providerIds("KWT-PHL")).toEqual(ids);
  });
});
