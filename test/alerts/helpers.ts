/**
 * Helpers of the alerts tests: owners (partner keys, tokens), subscriptions, and a receiver that
 * stands in for the subscribers' servers by catching the worker's outgoing fetches to them.
 */
import { env as bindings } from "cloudflare:workers";
import { vi } from "vitest";
import type { Env } from "../../src/env.ts";
import { adminCall, call, json } from "../helpers.ts";

export const env = bindings as unknown as Env;

export type Caller = { "x-api-key": string } | { authorization: string };

export async function partner(name = "Partner"): Promise<Caller> {
  const res = await adminCall("POST", "/v1/admin/keys", { name });
  if (res.status !== 201) throw new Error(`key: ${res.status} ${await res.text()}`);
  return { "x-api-key": (await json(res)).key };
}

export const bearer = (token: string): Caller => ({ authorization: `Bearer ${token}` });

export function callAs(who: Caller | {}, method: string, path: string, body?: unknown): Promise<Response> {
  return call(path, {
    method,
    headers: { ...who, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

export async function subscribe(who: Caller, body: Record<string, unknown>): Promise<{ id: string; secret: string; [k: string]: unknown }> {
  const res = await callAs(who, "POST", "/v1/alerts/subscriptions", body);
  if (res.status !== 201) throw new Error(`subscribe: ${res.status} ${await res.text()}`);
  return json(res);
}

export async function deliveries(who: Caller, id: string): Promise<any[]> {
  const res = await callAs(who, "GET", `/v1/alerts/subscriptions/${id}/deliveries`);
  if (res.status !== 200) throw new Error(`deliveries: ${res.status} ${await res.text()}`);
  return (await json(res)).deliveries;
}

export interface Received {
  url: string;
  headers: Record<string, string>;
  body: string;
  redirect: string | undefined;
}

/**
 * Catches every fetch to a host under `receiver.test.example.org`, answering with `status(url)`;
 * the worker runs in this isolate, so its queue consumer's fetches come here.
 */
export function receiver(status: (url: string) => number = () => 200) {
  const received: Received[] = [];
  const original = globalThis.fetch;
  const spy = vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const request = new Request(input as RequestInfo, init);
    if (!new URL(request.url).hostname.endsWith("receiver.test.example.org")) return original(input as RequestInfo, init);
    received.push({ url: request.url, headers: Object.fromEntries(request.headers), body: await request.text(), redirect: init?.redirect });
    return new Response("ok", { status: status(request.url) });
  });
  return { received, restore: () => spy.mockRestore() };
}

export const hook = (name: string) => `https://${name}.receiver.test.example.org/tenc`;
