/**
 * A comparison reads KV at most twice whatever the number of providers: the corridor document,
 * then one bulk get of the reference rates, which an isolate reuses for a few seconds. Counted on the real KV binding, wrapped, through the
 * same app the worker serves.
 */
import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { buildApp } from "../src/app.ts";
import { adminCall, product, putRate } from "./helpers.ts";

const CORRIDOR = "KWT-IND";
const PROVIDER_COUNT = 60;

/** Every method called on the binding, by name; the calls themselves go to the real KV. */
function countingKv(log: string[]) {
  return (kv: KVNamespace): KVNamespace =>
    new Proxy(kv, {
      get(target, prop) {
        const value = Reflect.get(target, prop, target);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          log.push(String(prop));
          return value.apply(target, args);
        };
      },
    });
}

describe("KV operations of a comparison", () => {
  it(`reads KV at most twice with ${PROVIDER_COUNT} providers, for either question and any pair mix`, async () => {
    await putRate("KWD", "INR", "272.50");
    await putRate("EUR", "KWD", "0.33");
    await putRate("EUR", "USD", "1.08");
    // Half pay out INR (direct mid), half USD (crossed through EUR): three stored rates involved.
    const writes = await Promise.all(
      Array.from({ length: PROVIDER_COUNT }, (_, i) =>
        adminCall("PUT", `/v1/admin/corridors/${CORRIDOR}/quotes/p${i}`, {
          provider: { name: `P${i}`, type: "mto" },
          products: [i % 2 ? product({ rate: `27${i % 10}.5` }) : product({ receiveCurrency: "USD", receiverFee: undefined, rate: `3.2${i % 10}` })],
        }),
      ),
    );
    expect(writes.every((r) => r.status === 200)).toBe(true);

    const log: string[] = [];
    const app = buildApp({ wrapKv: countingKv(log) });
    for (const query of ["amount=200", "recipientAmount=5000", "amount=200&receiveCurrency=USD&sort=total_cost"]) {
      log.length = 0;
      const res = await app.fetch(new Request(`http://tenc.test/v1/corridors/${CORRIDOR}/quotes?${query}`), env);
      expect(res.status, await res.clone().text()).toBe(200);
      const body = (await res.json()) as any;
      expect(body.quotes.length).toBeGreaterThanOrEqual(PROVIDER_COUNT / 2);
      expect(body.unpriced).toEqual([]);
      // Counted, not assumed: the wrapper saw the reads, and there were no more than two.
      expect(log.length, `${query}: ${log.join(", ")}`).toBeGreaterThanOrEqual(1);
      expect(log.length, `${query}: ${log.join(", ")}`).toBeLessThanOrEqual(2);
      expect(log.every((op) => op === "get"), log.join(", ")).toBe(true);
    }
    // With both pay-out currencies the comparison priced every provider from those two reads.
    log.length = 0;
    const all = (await (await app.fetch(new Request(`http://tenc.test/v1/corridors/${CORRIDOR}/quotes?amount=200`), env)).json()) as any;
    expect(all.quotes).toHaveLength(PROVIDER_COUNT);
    expect(new Set(all.midRates.map((m: any) => m.derivation))).toEqual(new Set(["direct", "cross_eur"]));
    expect(log.length).toBeLessThanOrEqual(2);
    expect(log.every((op) => op === "get"), log.join(", ")).toBe(true);
  });

  it("reads only the corridor's document while the rates this isolate read are a few seconds old, and reads them again after a rate is written", async () => {
    const log: string[] = [];
    const app = buildApp({ wrapKv: countingKv(log) });
    const compare = async (amount: string) => {
      log.length = 0;
      const res = await app.fetch(new Request(`http://tenc.test/v1/corridors/${CORRIDOR}/quotes?amount=${amount}`), env);
      expect(res.status).toBe(200);
      return (await res.json()) as any;
    };
    await compare("100");
    const before = await compare("150");
    expect(log).toEqual(["get"]);
    // A write through this isolate forgets the rates it read: the next comparison uses the new one.
    await putRate("KWD", "INR", "280");
    const after = await compare("150");
    expect(log).toEqual(["get", "get"]);
    expect(before.midRates.find((m: any) => m.quote === "INR").rate).toBe("272.5");
    expect(after.midRates.find((m: any) => m.quote === "INR").rate).toBe("280");
  });
});
