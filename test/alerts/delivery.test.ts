/**
 * The queue consumer, driven with message batches of chosen attempt counts: retries with
 * exponential backoff on a failure, a non-2xx or a redirect; after the last attempt the delivery is
 * recorded as failed and the message goes to the dead-letter queue; a subscription that keeps
 * failing over days is disabled and says why.
 */
import { createExecutionContext, createMessageBatch, getQueueResult, runInDurableObject } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import worker from "../../src/index.ts";
import { MAX_ATTEMPTS, retryDelaySeconds } from "../../src/domain/alerts/delivery-policy.ts";
import { alertsHubOf, type AlertsHub, type DeliveryMessage } from "../../src/store/alerts-hub.ts";
import { json } from "../helpers.ts";
import { issueToken } from "../trust/helpers.ts";
import { bearer, callAs, deliveries, env, hook, receiver, subscribe, type Caller } from "./helpers.ts";

const rx = receiver((url) => (url.includes("//failing.") ? 500 : url.includes("//moved.") ? 302 : 200));
// Not restored: the queue may retry a delivery after the last test, and it must not leave the isolate.

const hub = () => alertsHubOf(env.ALERTS_HUB);
let period = 0;

/** A statistics.published event for every subscriber; the delivery id of `subId`'s. */
async function eventFor(subId: string): Promise<string> {
  await hub().statisticsPublished([{ period: `2030Q${(period++ % 4) + 1}`, corridors: [] }], [], "200");
  return runInDurableObject(hub() as DurableObjectStub<AlertsHub>, (_, state) =>
    state.storage.sql.exec<{ id: string }>("SELECT id FROM deliveries WHERE sub_id = ? ORDER BY rowid DESC LIMIT 1", subId).one().id,
  );
}

async function consume(deliveryId: string, attempts: number, deadLetters: unknown[] = []) {
  const batch = createMessageBatch<DeliveryMessage>("tenc-alerts", [{ id: `m-${attempts}-${deliveryId}`, timestamp: new Date(), attempts, body: { deliveryId } }]);
  const ctx = createExecutionContext();
  // getQueueResult does not report a retry's delay: the consumer's own call records it.
  const delays: (number | undefined)[] = [];
  const message = batch.messages[0]!;
  const retry = message.retry.bind(message);
  message.retry = (options) => (delays.push(options?.delaySeconds), retry(options));
  const dlq = { send: async (body: unknown, options?: QueueSendOptions) => (deadLetters.push(body), env.ALERTS_DEAD_LETTERS.send(body, options)) } as Queue<unknown>;
  await worker.queue(batch, { ...env, ALERTS_DEAD_LETTERS: dlq });
  return { ...(await getQueueResult(batch, ctx)), delays };
}

async function owner(): Promise<Caller> {
  return bearer((await issueToken({ role: "collector" })).token);
}

describe("delivery", () => {
  it("acknowledges a 2xx and logs the delivery as delivered", async () => {
    const me = await owner();
    const sub = await subscribe(me, { url: hook("fine"), events: ["statistics.published"] });
    const id = await eventFor(sub.id);
    const result = await consume(id, 1);
    expect(result.explicitAcks).toEqual([`m-1-${id}`]);
    expect(result.retryMessages).toEqual([]);
    const [logged] = await deliveries(me, sub.id);
    expect(logged).toMatchObject({ type: "statistics.published", status: "delivered", lastError: null });
    expect(logged.deliveredAt).toEqual(expect.any(String));
  });

  it("retries a non-2xx with exponential backoff, then after the last attempt logs it failed and dead-letters it", async () => {
    expect([1, 2, 3, 4].map(retryDelaySeconds)).toEqual([30, 60, 120, 240]);
    const me = await owner();
    const sub = await subscribe(me, { url: hook("failing"), events: ["statistics.published"] });
    const id = await eventFor(sub.id);

    const third = await consume(id, 3);
    expect(third.retryMessages).toEqual([{ msgId: `m-3-${id}` }]);
    expect(third.delays).toEqual([120]);
    expect(third.explicitAcks).toEqual([]);
    let [logged] = await deliveries(me, sub.id);
    expect(logged).toMatchObject({ status: "pending", lastError: "HTTP 500" });

    const dead: unknown[] = [];
    const last = await consume(id, MAX_ATTEMPTS, dead);
    expect(last.retryMessages).toEqual([]);
    expect(last.delays).toEqual([]);
    expect(last.explicitAcks).toEqual([`m-${MAX_ATTEMPTS}-${id}`]);
    expect(dead).toEqual([expect.objectContaining({ deliveryId: id, lastError: "HTTP 500", attempts: MAX_ATTEMPTS })]);
    [logged] = await deliveries(me, sub.id);
    expect(logged).toMatchObject({ status: "failed", lastError: "HTTP 500", deliveredAt: null });
    expect(logged.attempts).toBeGreaterThanOrEqual(2);
    expect((await json(await callAs(me, "GET", `/v1/alerts/subscriptions/${sub.id}`))).consecutiveFailures).toBe(1);

    // Settled: a copy of the message seen again is acknowledged without another request.
    const before = rx.received.length;
    const again = await consume(id, 2);
    expect(again.explicitAcks).toHaveLength(1);
    expect(rx.received.filter((r) => r.url === hook("failing")).length).toBeLessThanOrEqual(before);
  });

  it("does not follow a redirect: it is a failed attempt", async () => {
    const me = await owner();
    const sub = await subscribe(me, { url: hook("moved"), events: ["statistics.published"] });
    const id = await eventFor(sub.id);
    const result = await consume(id, 1);
    expect(result.retryMessages).toEqual([{ msgId: `m-1-${id}` }]);
    expect(result.delays).toEqual([30]);
    const [logged] = await deliveries(me, sub.id);
    expect(logged.lastError).toBe("HTTP 302: redirects are not followed");
    expect(rx.received.filter((r) => r.url === hook("moved")).every((r) => r.redirect === "manual")).toBe(true);
  });

  it("disables a subscription after failed deliveries in a row over days, and delivers nothing to it until resumed", async () => {
    const me = await owner();
    const sub = await subscribe(me, { url: hook("failing"), events: ["statistics.published"] });
    // Four failed deliveries, the first of them four days ago.
    await runInDurableObject(hub() as DurableObjectStub<AlertsHub>, (_, state) => {
      state.storage.sql.exec("UPDATE subs SET failures = 4, failing_since = ? WHERE id = ?", new Date(Date.now() - 4 * 86_400_000).toISOString(), sub.id);
    });
    const id = await eventFor(sub.id);
    await consume(id, MAX_ATTEMPTS);
    const disabled = await json(await callAs(me, "GET", `/v1/alerts/subscriptions/${sub.id}`));
    expect(disabled).toMatchObject({ status: "disabled", consecutiveFailures: 5 });
    expect(disabled.statusReason).toContain("5 failed deliveries in a row");

    // A disabled subscription is not sent new events.
    const deliveredBefore = (await deliveries(me, sub.id)).length;
    await hub().statisticsPublished([{ period: "2031Q1", corridors: [] }], [], "200");
    expect(await deliveries(me, sub.id)).toHaveLength(deliveredBefore);

    const resumed = await json(await callAs(me, "PATCH", `/v1/alerts/subscriptions/${sub.id}`, { status: "active" }));
    expect(resumed).toMatchObject({ status: "active", statusReason: null, consecutiveFailures: 0 });
  });

  it("does not disable a subscription whose failures are recent, however many", async () => {
    const me = await owner();
    const sub = await subscribe(me, { url: hook("failing"), events: ["statistics.published"] });
    await runInDurableObject(hub() as DurableObjectStub<AlertsHub>, (_, state) => {
      state.storage.sql.exec("UPDATE subs SET failures = 40, failing_since = ? WHERE id = ?", new Date(Date.now() - 3_600_000).toISOString(), sub.id);
    });
    await consume(await eventFor(sub.id), MAX_ATTEMPTS);
    expect(await json(await callAs(me, "GET", `/v1/alerts/subscriptions/${sub.id}`))).toMatchObject({ status: "active", consecutiveFailures: 41 });
  });
});
