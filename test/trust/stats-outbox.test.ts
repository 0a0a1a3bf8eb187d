/**
 * A provider's quote reaches the statistics through an outbox (issue 13, item 6): the delivery is
 * stored with the quote in one atomic put and retried until the statistics ledger takes it. Here
 * the first delivery fails (the ledger cannot be reached), the quote is still accepted, and the
 * alarm's retry counts the observation once; a second delivery of it changes nothing.
 */
import { runDurableObjectAlarm, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { statsLedgerOf } from "../../src/http/services.ts";
import type { CorridorLedger } from "../../src/store/corridor-ledger.ts";
import type { StatsLedger } from "../../src/store/stats-ledger.ts";
import { adminCall, call, json, product, putRate } from "../helpers.ts";
import { env } from "./helpers.ts";

const CORRIDOR = "QAT-NPL";
const observationId = `api:${CORRIDOR}:outbox-remit:cash-pickup:2026Q4`;

/** A statistics ledger that cannot be reached, as when it is restarting or overloaded. */
const unreachable = {
  idFromName: (name: string) => env.STATS_LEDGER.idFromName(name),
  get: () => ({ recordQuotes: () => Promise.reject(new Error("simulated: statistics ledger unreachable")) }),
};

const ledger = () => env.CORRIDOR_LEDGER.get(env.CORRIDOR_LEDGER.idFromName(CORRIDOR)) as DurableObjectStub<CorridorLedger>;
const pendingDeliveries = () => runInDurableObject(ledger(), async (_: CorridorLedger, state: DurableObjectState) => (await state.storage.list({ prefix: "stats-outbox:" })).size);
const observationsStored = () =>
  runInDurableObject(statsLedgerOf(env) as DurableObjectStub<StatsLedger>, (_: StatsLedger, state: DurableObjectState) => state.storage.sql.exec<{ n: number }>("SELECT COUNT(*) AS n FROM obs WHERE id = ?", observationId).one().n);

describe("the statistics outbox", () => {
  it("keeps a quote's observation when its delivery fails, and counts it exactly once when a retry succeeds", async () => {
    await putRate("USD", "QAR", "3.64");
    await putRate("QAR", "NPR", "36.6");
    const body = { provider: { name: "Outbox Remit", type: "mto" }, products: [product({ sendCurrency: "QAR", receiveCurrency: "NPR", rate: "36.1", fee: { fixed: "10" }, receiverFee: undefined })] };

    // The corridor's ledger exists once it has a write; then its way to the statistics breaks.
    expect((await adminCall("PUT", `/v1/admin/corridors/${CORRIDOR}/quotes/first-remit`, { ...body, provider: { name: "First", type: "bank" } })).status).toBe(200);
    const working = await runInDurableObject(ledger(), (instance: CorridorLedger) => {
      const own = instance as unknown as { env: Record<string, unknown> };
      const kept = own.env;
      own.env = { ...kept, STATS_LEDGER: unreachable };
      return kept;
    });

    const res = await adminCall("PUT", `/v1/admin/corridors/${CORRIDOR}/quotes/outbox-remit`, body);
    expect(res.status, await res.text()).toBe(200);
    expect(await observationsStored()).toBe(0);
    expect(await pendingDeliveries()).toBe(1);

    // Deliveries fail again at the alarm while the ledger stays unreachable: nothing is dropped.
    await runDurableObjectAlarm(ledger());
    expect(await pendingDeliveries()).toBe(1);
    expect(await observationsStored()).toBe(0);

    await runInDurableObject(ledger(), (instance: CorridorLedger) => {
      (instance as unknown as { env: unknown }).env = working;
    });
    expect(await runDurableObjectAlarm(ledger())).toBe(true);
    expect(await pendingDeliveries()).toBe(0);
    expect(await observationsStored()).toBe(1);
    await statsLedgerOf(env).publishNow();
    const stats = await json(await call(`/v1/stats/corridors/${CORRIDOR}?period=2026Q4`));
    expect(stats.services).toBe(2);
    expect(stats.byProviderType.mto.services).toBe(1);
  });

  it("a delivery made twice (acknowledged, then sent again after a restart) still counts once", async () => {
    const entry = (await json(await adminCall("GET", `/v1/admin/corridors/${CORRIDOR}/history`))).records.at(-1).entry;
    await runInDurableObject(ledger(), async (_: CorridorLedger, state: DurableObjectState) => {
      await state.storage.put("stats-outbox:999999999999", { corridor: { id: CORRIDOR, from: "QAT", to: "NPL" }, entry });
      await state.storage.setAlarm(Date.now() + 60_000);
    });
    expect(await runDurableObjectAlarm(ledger())).toBe(true);
    expect(await pendingDeliveries()).toBe(0);
    expect(await observationsStored()).toBe(1);
    await statsLedgerOf(env).publishNow();
    expect((await json(await call(`/v1/stats/corridors/${CORRIDOR}?period=2026Q4`))).services).toBe(2);
  });
});
