/**
 * Helpers of the trust tests: tokens, calls as a given bearer, and a snapshot of everything stored.
 */
import { env as bindings } from "cloudflare:workers";
import type { Env } from "../../src/env.ts";
import { adminCall, call, json, product } from "../helpers.ts";

export async function issueToken(grant: { role: "provider"; providerId: string } | { role: "collector" }): Promise<{ id: string; token: string }> {
  const res = await adminCall("POST", "/v1/admin/tokens", grant);
  if (res.status !== 201) throw new Error(`token: ${res.status} ${await res.text()}`);
  return json(res);
}

export function callAs(token: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return call(path, {
    method,
    headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

/** A valid quotes body for a provider; `rate` distinguishes one write from another. */
export function quotesBody(name: string, rate = "270.1234", observedAt = "2026-11-20T10:00:00Z") {
  return { provider: { name, type: "mto" }, products: [product({ rate, observedAt })] };
}

export const env = bindings as unknown as Env;

/** Every KV key and value: what "stored data unchanged" is checked against. */
export async function kvSnapshot(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = await env.KV.list({ cursor });
    for (const k of page.keys) out.set(k.name, (await env.KV.get(k.name)) ?? "");
    cursor = page.list_complete ? undefined : page.cursor;
  } while (cursor);
  return out;
}

export async function expectProblem(res: Response, status: number): Promise<any> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  if (!res.headers.get("content-type")?.startsWith("application/problem+json")) throw new Error(`not problem+json: ${res.headers.get("content-type")}`);
  return JSON.parse(text);
}
