/**
 * A comparison's weak entity tag is made from what the answer is made of, not from its bytes: it
 * must never be equal for two different bodies, whatever the question and however the data
 * change, and it must change with the build (a deploy may change a figure and nothing else).
 */
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { comparisonTag } from "../src/routes/compare/compare-quotes.ts";
import { call, product, putProvider, putRate } from "./helpers.ts";

const provider = (rate: string, fixed: string) => ({ provider: { name: "Alpha Remit", type: "mto" }, products: [product({ rate, fee: { fixed, percent: "0.5", bands: [{ upTo: "100", fixed: "2.000" }] } })] });

describe("a comparison's entity tag", () => {
  beforeAll(async () => {
    await putRate("KWD", "INR", "272.5");
    await putProvider("KWT-IND", "alpha-remit", provider("270.1234", "1.500"));
  });

  it("is equal only for equal bodies, over random questions and data changes", async () => {
    const seen = new Map<string, string>();
    const question = fc.record({
      amount: fc.constantFrom("50", "100", "100.001", "200", "1234.5"),
      recipientAmount: fc.constantFrom("5000", "27000", "27000.5"),
      receive: fc.boolean(),
      sort: fc.constantFrom("recipient_gets", "total_cost", "speed"),
      payIn: fc.option(fc.constantFrom("cash", "bank_account"), { nil: undefined }),
    });
    // Mostly none, so that questions meet again on the same data.
    const change = fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 3 },
      { arbitrary: fc.record({ rate: fc.constantFrom("272.5", "272.6", "271") }), weight: 1 },
      { arbitrary: fc.record({ productRate: fc.constantFrom("270.1234", "270.2"), fixed: fc.constantFrom("1.500", "0") }), weight: 1 },
    );
    let repeats = 0;
    await fc.assert(
      fc.asyncProperty(change, question, async (c, q) => {
        if (c && "rate" in c) await putRate("KWD", "INR", c.rate);
        if (c && "productRate" in c) await putProvider("KWT-IND", "alpha-remit", provider(c.productRate, c.fixed));
        const query = new URLSearchParams({ [q.receive ? "recipientAmount" : "amount"]: q.receive ? q.recipientAmount : q.amount, sort: q.sort });
        if (q.payIn) query.set("payIn", q.payIn);
        // Each question is asked twice on the same data, so meetings are certain, not left to chance.
        for (let ask = 0; ask < 2; ask++) {
          const res = await call(`/v1/corridors/KWT-IND/quotes?${query}`);
          expect(res.status, `${query}`).toBe(200);
          const tag = res.headers.get("etag")!;
          const body = await res.text();
          expect(tag).toMatch(/^W\/"[0-9a-f]{40}"$/);
          if (seen.has(tag)) {
            repeats++;
            expect(body, `tag ${tag}`).toBe(seen.get(tag));
          }
          seen.set(tag, body);
        }
      }),
      { numRuns: 50 },
    );
    // Not vacuous: equal tags met (at least the second asking of each question), and tags differ otherwise.
    expect(repeats).toBeGreaterThanOrEqual(50);
    expect(seen.size).toBeGreaterThan(1);
  });

  it("changes with the build, all else equal", async () => {
    const parts = ["digest", "{}", "others"];
    expect(await comparisonTag(parts, "build-a")).not.toBe(await comparisonTag(parts, "build-b"));
    expect(await comparisonTag(parts, "build-a")).toBe(await comparisonTag(parts, "build-a"));
  });
});
