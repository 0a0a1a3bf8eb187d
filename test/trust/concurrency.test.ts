/**
 * Nothing accepted is lost under concurrency: 200 writes from 50 providers hit one corridor at
 * once; every one is answered 200, the history holds all 200, and the comparison shows each
 * provider's latest. KV takes one write a second per key: the ledger absorbs the burst by
 * publishing the corridor's document once for many writes.
 */
import { beforeAll, expect, it } from "vitest";
import { adminCall, call, json, putRate } from "../helpers.ts";
import { callAs, issueToken, quotesBody } from "./helpers.ts";

const PROVIDERS = 50;
const WRITES_EACH = 4;
const CORRIDOR = "KWT-IND";

let tokens: { id: string; token: string }[];

beforeAll(async () => {
  await putRate("KWD", "INR", "270.5");
  tokens = [];
  for (let i = 0; i < PROVIDERS; i++) tokens.push(await issueToken({ role: "provider", providerId: `p${i}` }));
});

it("200 simultaneous writes from 50 providers all land, and the comparison shows each provider's latest", async () => {
  const writes = tokens.flatMap((t, i) =>
    Array.from({ length: WRITES_EACH }, (_, w) => ({ token: t.token, provider: `p${i}`, rate: `270.${String(i).padStart(2, "0")}${w + 1}` })),
  );
  const answers = await Promise.all(writes.map((w) => callAs(w.token, "PUT", `/v1/admin/corridors/${CORRIDOR}/quotes/${w.provider}`, quotesBody(`Provider ${w.provider}`, w.rate))));
  const statuses = await Promise.all(answers.map(async (r) => [r.status, await r.text()] as const));
  expect(statuses.filter(([s]) => s !== 200)).toEqual([]);

  const history = (await json(await adminCall("GET", `/v1/admin/corridors/${CORRIDOR}/history`))).records as any[];
  expect(history).toHaveLength(PROVIDERS * WRITES_EACH);
  expect(history.map((r) => r.seq)).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
  expect(new Set(history.map((r) => r.entry.products[0].rate))).toEqual(new Set(writes.map((w) => w.rate)));

  // The latest of each provider is the last the ledger accepted for it, whatever order they arrived in.
  const latest = new Map<string, string>();
  for (const r of history) latest.set(r.entry.id, r.entry.products[0].rate);
  // Each record names the one before it for the same provider: the chain has no gap.
  const seen = new Map<string, string | null>();
  for (const r of history) {
    expect(r.previous?.products[0].rate ?? null).toBe(seen.get(r.entry.id) ?? null);
    seen.set(r.entry.id, r.entry.products[0].rate);
  }

  const comparison = await json(await call(`/v1/corridors/${CORRIDOR}/quotes?amount=100`));
  expect(comparison.quotes).toHaveLength(PROVIDERS);
  for (const q of comparison.quotes) expect(q.rate).toBe(latest.get(q.provider.id));

  const audit = (await json(await adminCall("GET", `/v1/admin/audit?corridor=${CORRIDOR}&limit=1000`))).records as any[];
  expect(audit.filter((r) => r.action === "quotes:write")).toHaveLength(200);
});
