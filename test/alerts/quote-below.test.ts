/**
 * quote.below_threshold end to end in workerd: a provider's PUT goes through the corridor's ledger,
 * the alerts hub prices the subscriber's amount with the comparison, the real queue carries the
 * delivery and the consumer POSTs it, signed; `standardwebhooks` verifies the signature.
 */
import { describe, expect, it, vi } from "vitest";
import { Webhook } from "standardwebhooks";
import { call, json, product, putProvider, putRate } from "../helpers.ts";
import { deliveries, hook, partner, receiver, subscribe, type Received } from "./helpers.ts";

const rx = receiver();
// Not restored: the queue may retry a delivery after the last test, and it must not leave the isolate.

/** 200 USD to MXN at mid 20: a fee of `fee` USD (fee/2 %) plus a 0.5 % margin (rate 19.90). */
function quotes(fee: string, observedAt = "2026-11-20T10:00:00Z") {
  return {
    provider: { name: "Cheap Remit", type: "mto" },
    products: [product({ id: "bank", sendCurrency: "USD", receiveCurrency: "MXN", fee: { fixed: fee }, rate: "19.90", receiverFee: undefined, observedAt })],
  };
}

const at = (url: string) => rx.received.filter((r) => r.url === url);
const settle = (url: string, n: number) => vi.waitFor(() => expect(at(url)).toHaveLength(n), { timeout: 15_000, interval: 100 });

describe("quote.below_threshold", () => {
  it("delivers one signed event when a provider's write takes an option below the line, and none otherwise", async () => {
    await putRate("USD", "MXN", "20");
    await putProvider("USA-MEX", "cheap-remit", quotes("5.00")); // 3 %
    const me = await partner("below");
    const url = hook("below");
    const sub = await subscribe(me, { url, events: ["quote.below_threshold"], corridors: ["USA-MEX"], amount: "200", belowPercent: "2" });

    await putProvider("USA-MEX", "cheap-remit", quotes("4.00")); // 2.5 %: still above
    await putProvider("USA-MEX", "cheap-remit", quotes("2.00")); // 1.5 %: crosses
    await settle(url, 1);
    const [first] = at(url) as [Received];
    const event = new Webhook(sub.secret).verify(first.body, first.headers) as any;
    expect(first.redirect).toBe("manual");
    expect(first.headers["webhook-id"]).toBe(event.id);
    expect(event).toMatchObject({
      type: "quote.below_threshold",
      data: {
        corridor: "USA-MEX",
        amount: { amount: "200.00", currency: "USD" },
        belowPercent: "2",
        provider: { id: "cheap-remit", name: "Cheap Remit", type: "mto" },
        product: "bank",
      },
    });
    expect(event.id).toMatch(/^evt_/);
    // The same figures the comparison shows for 200 USD.
    const comparison = await json(await call("/v1/corridors/USA-MEX/quotes?amount=200"));
    expect(event.data.totalCost).toEqual(comparison.quotes[0].totalCost);
    expect(event.data.recipientGets).toEqual(comparison.quotes[0].recipientGets);
    expect(event.data.totalCost.percent).toBe("1.5000");
    // A signature made with another secret does not verify.
    expect(() => new Webhook("whsec_" + btoa("another secret, 32 bytes long!!!")).verify(first.body, first.headers)).toThrow();

    await putProvider("USA-MEX", "cheap-remit", quotes("1.00")); // cheaper still: no new crossing
    await putProvider("USA-MEX", "cheap-remit", quotes("6.00")); // back above
    await putProvider("USA-MEX", "cheap-remit", quotes("3.00")); // 2 %: not strictly below
    await putProvider("USA-MEX", "cheap-remit", quotes("1.50")); // crosses again
    await settle(url, 2);
    const second = new Webhook(sub.secret).verify(at(url)[1]!.body, at(url)[1]!.headers) as any;
    expect(second.data.totalCost.percent).toBe("1.2500");
    expect(second.id).not.toBe(event.id);

    const log = await deliveries(me, sub.id);
    expect(log).toHaveLength(2);
    expect(log.map((d) => d.eventId).sort()).toEqual([event.id, second.id].sort());
    await vi.waitFor(async () => expect((await deliveries(me, sub.id)).every((d) => d.status === "delivered" && d.attempts === 1 && d.deliveredAt)).toBe(true));
  });

  it("tells only subscribers of that corridor, and signs with both secrets after a rotation", async () => {
    const me = await partner("rotation");
    const here = hook("here");
    const elsewhere = hook("elsewhere");
    const sub = await subscribe(me, { url: here, events: ["quote.below_threshold"], corridors: ["USA-MEX"], amount: "100", belowPercent: "3" });
    await subscribe(me, { url: elsewhere, events: ["quote.below_threshold"], corridors: ["USA-GTM"], amount: "100", belowPercent: "3" });
    const rotated = await json(await (await import("./helpers.ts")).callAs(me, "POST", `/v1/alerts/subscriptions/${sub.id}/secret`));
    await putProvider("USA-MEX", "other-remit", { ...quotes("1.00"), provider: { name: "Other Remit", type: "bank" } });
    await settle(here, 1);
    const [got] = at(here) as [Received];
    expect(got.headers["webhook-signature"]!.split(" ")).toHaveLength(2);
    // Receivers still on the old secret, and those on the new one, both verify.
    expect((new Webhook(rotated.secret).verify(got.body, got.headers) as any).data.provider.id).toBe("other-remit");
    expect((new Webhook(sub.secret).verify(got.body, got.headers) as any).data.provider.id).toBe("other-remit");
    expect(at(elsewhere)).toHaveLength(0);
  });
});
