/**
 * Alerts end to end under `wrangler dev` (Miniflare runs the queue and its consumer locally): a
 * partner subscribes a real receiver on http://127.0.0.1:PORT, a provider PUTs a cheaper quote, and
 * the receiver gets one event whose signature `standardwebhooks` verifies, as in docs/alerts.md.
 */
import { createServer, type Server } from "node:http";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startWorker, type LocalWorker } from "./local-worker.ts";

let worker: LocalWorker;
let receiver: Server;
let receiverUrl: string;
const received: { headers: Record<string, string>; body: string }[] = [];

const observedAt = new Date().toISOString();
const quotes = (fee: string) => ({
  provider: { name: "Alpha Remit", type: "mto" },
  products: [{ id: "bank", sendCurrency: "USD", receiveCurrency: "MXN", fee: { fixed: fee, percent: "0" }, feeMode: "on_top", rate: "19.90", payIn: "bank_account", payOut: "bank_account", speed: "same_day", transparent: true, observedAt }],
});

beforeAll(async () => {
  const port = await freePort();
  receiver = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      received.push({ headers: req.headers as Record<string, string>, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(port, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${port}/tenc`;
  worker = await startWorker();
});

afterAll(async () => {
  await worker?.stop();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe("alerts under wrangler dev", () => {
  it("delivers one signed quote.below_threshold event to a local receiver when a provider PUTs a cheaper quote", async () => {
    expect((await worker.admin("PUT", "/v1/admin/rates/USD/MXN", { rate: "20", asOf: observedAt, source: "ECB" })).status).toBe(200);
    expect((await worker.admin("PUT", "/v1/admin/corridors/USA-MEX/quotes/alpha-remit", quotes("5.00"))).status).toBe(200); // 3 %
    const key = (await (await worker.admin("POST", "/v1/admin/keys", { name: "e2e" })).json()) as { key: string };
    const res = await fetch(`${worker.origin}/v1/alerts/subscriptions`, {
      method: "POST",
      headers: { "x-api-key": key.key, "content-type": "application/json" },
      body: JSON.stringify({ url: receiverUrl, events: ["quote.below_threshold"], corridors: ["USA-MEX"], amount: "200", belowPercent: "2" }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const sub = (await res.json()) as { id: string; secret: string };

    expect((await worker.admin("PUT", "/v1/admin/corridors/USA-MEX/quotes/alpha-remit", quotes("1.00"))).status).toBe(200); // 1 %
    const deadline = Date.now() + 30_000;
    while (received.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    expect(received).toHaveLength(1);
    const event = new Webhook(sub.secret).verify(received[0]!.body, received[0]!.headers) as { type: string; data: Record<string, any> };
    expect(event.type).toBe("quote.below_threshold");
    expect(event.data).toMatchObject({ corridor: "USA-MEX", amount: { amount: "200.00", currency: "USD" }, provider: { id: "alpha-remit" }, totalCost: { percent: "1.0000" } });

    // The consumer records the result once the receiver has answered: read the log until it has.
    const statuses = async () => ((await (await fetch(`${worker.origin}/v1/alerts/subscriptions/${sub.id}/deliveries`, { headers: { "x-api-key": key.key } })).json()) as { deliveries: { status: string }[] }).deliveries.map((d) => d.status);
    let seen = await statuses();
    while (seen[0] === "pending" && Date.now() < deadline) seen = await new Promise((r) => setTimeout(r, 200)).then(statuses);
    expect(seen).toEqual(["delivered"]);
  });
});
