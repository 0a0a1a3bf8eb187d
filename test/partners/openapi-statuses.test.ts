/**
 * Every operation of /openapi.json, sent the errors the middleware in front of it can answer: an
 * unknown X-Api-Key (401), no token and a token of the wrong role on admin routes (401, 403), a body
 * over the limit (413), a reused or malformed Idempotency-Key (422, 400), too many requests (429), a failing store
 * (503), and on public GETs a current entity tag (304). Each probe must get the status it provokes,
 * and every status met, the successful calls' included, must be one the document lists for the
 * operation.
 */
import { createExecutionContext } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { SHOWS_SECRET_PATHS } from "../../src/http/idempotency.ts";
import { IMPORT_BODY_LIMIT, JSON_BODY_LIMIT } from "../../src/http/limits.ts";
import ecbDaily from "../../data/ecb/eurofxref-daily.xml?raw";
import rpwCsv from "../../data/rpw/rpw_eastafrica_2011Q1-2019Q4.csv?raw";
import flowsCsv from "../../data/remittance_flows/bilateral_remittances_2017.csv?raw";
import { ADMIN_TOKEN, adminCall, call, json, putProvider, putRate } from "../helpers.ts";
import { env, issueToken, quotesBody } from "../trust/helpers.ts";

type Operation = { operationId: string; responses: Record<string, unknown>; requestBody?: unknown };
type Doc = { paths: Record<string, Record<string, Operation>> };
type Op = { method: string; template: string; operation: Operation };
type Request = { path: string; init: RequestInit };

const ORIGIN = "http://tenc.test";
const PARAMS: Record<string, string> = { corridor: "KWT-IND", providerId: "alpha", base: "KWD", quote: "INR", id: "does-not-exist", file: "ar.json" };
/** Queries a public GET needs to answer 200. */
const QUERIES: Record<string, string> = { getV1CorridorsCorridorQuotes: "?amount=100", getV1CorridorsCorridorQuotesSvg: "?amount=100", getEmbed: "?corridor=KWT-IND&amount=100" };
/** Shaped like an issued key, so that checking it reads the store. */
const WELL_FORMED_KEY = `tenc_0123456789abcdef_${"A".repeat(43)}`;
const rpwSample = rpwCsv.split(/\r?\n/).slice(0, 40).join("\n");

const fill = (template: string) => template.replace(/\{(\w+)\}/g, (_, name: string) => PARAMS[name] ?? "x");
const isAdmin = (op: Op) => op.template.startsWith("/v1/admin/");
const isWrite = (op: Op) => op.method !== "get";

function admin(method: string, body?: string, type = "application/json"): RequestInit {
  return { method, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { "content-type": type }) }, body };
}

/** A request each admin write accepts, so that its Idempotency-Key is kept and a reuse can be refused. */
const validWrites: Record<string, () => Promise<Request>> = {
  putV1AdminCorridorsCorridorQuotesProviderId: async () => ({ path: "/v1/admin/corridors/KWT-IND/quotes/alpha", init: admin("PUT", JSON.stringify(quotesBody("Alpha"))) }),
  putV1AdminRatesBaseQuote: async () => ({ path: "/v1/admin/rates/KWD/INR", init: admin("PUT", JSON.stringify({ rate: "270.1", asOf: "2026-11-20T00:00:00Z", source: "test" })) }),
  postV1AdminKeys: async () => ({ path: "/v1/admin/keys", init: admin("POST", JSON.stringify({ name: "Portal" })) }),
  deleteV1AdminKeysId: async () => {
    const { id } = await json<{ id: string }>(await adminCall("POST", "/v1/admin/keys", { name: "To revoke" }));
    return { path: `/v1/admin/keys/${id}`, init: admin("DELETE") };
  },
  postV1AdminTokens: async () => ({ path: "/v1/admin/tokens", init: admin("POST", JSON.stringify({ role: "collector" })) }),
  deleteV1AdminTokensId: async () => {
    const { id } = await issueToken({ role: "collector" });
    return { path: `/v1/admin/tokens/${id}`, init: admin("DELETE") };
  },
  postV1AdminImportsRpw: async () => ({ path: "/v1/admin/imports/rpw", init: admin("POST", rpwSample, "text/csv") }),
  postV1AdminImportsEcb: async () => ({ path: "/v1/admin/imports/ecb", init: admin("POST", ecbDaily, "application/xml") }),
  postV1AdminImportsFlows: async () => ({ path: "/v1/admin/imports/flows", init: admin("POST", flowsCsv, "text/csv") }),
};

/** The real KV binding, every operation of which fails as an outage would. */
const failingKv = new Proxy(env.KV, {
  get(target, prop) {
    const value = Reflect.get(target, prop, target);
    return typeof value === "function" ? () => Promise.reject(new Error("simulated outage")) : value;
  },
});
const app = buildApp();

let ops: Op[] = [];
let providerToken: string;
let collectorToken: string;

beforeAll(async () => {
  const doc = await json<Doc>(await call("/openapi.json"));
  ops = Object.entries(doc.paths).flatMap(([template, methods]) => Object.entries(methods).map(([method, operation]) => ({ method, template, operation })));
  await putRate("KWD", "INR", "270.1");
  await putRate("USD", "KWD", "0.3");
  await putProvider("KWT-IND", "alpha", quotesBody("Alpha"));
  const imported = await adminCall("POST", "/v1/admin/imports/rpw", rpwSample, { "content-type": "text/csv" });
  expect(imported.status).toBe(200);
  providerToken = (await issueToken({ role: "provider", providerId: "alpha" })).token;
  collectorToken = (await issueToken({ role: "collector" })).token;
});

/** Asserts that `res` has the status `expected` and that the document lists it for `op`. */
async function expectListed(op: Op, res: Response, expected: number | undefined, probe: string) {
  const what = `${op.method.toUpperCase()} ${op.template} (${op.operation.operationId}), ${probe}`;
  if (expected !== undefined) expect(res.status, `${what}: ${await res.clone().text()}`).toBe(expected);
  expect(Object.keys(op.operation.responses), `${what} answered ${res.status}, which the document does not list`).toContain(String(res.status));
  await res.body?.cancel();
}

describe("every status an operation answers is in /openapi.json", () => {
  it("finds the operations and has a valid request for every admin write", () => {
    expect(ops.length).toBeGreaterThan(20);
    for (const op of ops) expect(op.operation.operationId).toMatch(/^[a-z][A-Za-z0-9]+$/);
    expect(new Set(ops.map((o) => o.operation.operationId)).size).toBe(ops.length);
    const writes = ops.filter((o) => isAdmin(o) && isWrite(o)).map((o) => o.operation.operationId);
    expect(writes.filter((id) => !validWrites[id])).toEqual([]);
  });

  it("answers an unknown X-Api-Key with 401", async () => {
    for (const op of ops) {
      await expectListed(op, await call(fill(op.template), { method: op.method.toUpperCase(), headers: { "x-api-key": WELL_FORMED_KEY } }), 401, "unknown X-Api-Key");
    }
  });

  it("answers 200 and then 304 for a current entity tag on every public GET", async () => {
    // Alert subscriptions are their owner's: asked with the operator's token, about one of its own.
    const owner = { authorization: `Bearer ${ADMIN_TOKEN}` };
    const subscribed = await call("/v1/alerts/subscriptions", { method: "POST", headers: { ...owner, "content-type": "application/json" }, body: JSON.stringify({ url: "https://hooks.example.org/tenc", events: ["statistics.published"] }) });
    expect(subscribed.status).toBe(201);
    const { id } = (await json(subscribed)) as { id: string };
    for (const op of ops.filter((o) => !isAdmin(o) && o.method === "get")) {
      const alerts = op.template.startsWith("/v1/alerts/");
      const path = (alerts ? op.template.replace("{id}", id) : fill(op.template)) + (QUERIES[op.operation.operationId] ?? "");
      const headers = alerts ? owner : {};
      const first = await call(path, { headers });
      const tag = first.headers.get("etag");
      await expectListed(op, first, 200, "a plain GET");
      expect(tag, `${op.template} has no ETag`).toBeTruthy();
      await expectListed(op, await call(path, { headers: { ...headers, "if-none-match": tag! } }), 304, "If-None-Match");
    }
  });

  it("answers admin routes without a token with 401, and with a token of another role with 403", async () => {
    for (const op of ops.filter(isAdmin)) {
      const method = op.method.toUpperCase();
      await expectListed(op, await call(fill(op.template), { method }), 401, "no token");
      // A collector may only import; a provider may only write its own quotes.
      const other = op.template.startsWith("/v1/admin/imports/") ? providerToken : collectorToken;
      await expectListed(op, await call(fill(op.template), { method, headers: { authorization: `Bearer ${other}` } }), 403, "a token of another role");
    }
  });

  it("answers a body over the limit with 413 on every write", async () => {
    const big = new Uint8Array(IMPORT_BODY_LIMIT + 1).fill(0x20);
    for (const op of ops.filter(isWrite)) {
      const limit = op.template.startsWith("/v1/admin/imports/") ? IMPORT_BODY_LIMIT : JSON_BODY_LIMIT;
      const res = await call(fill(op.template), { method: op.method.toUpperCase(), headers: { authorization: `Bearer ${ADMIN_TOKEN}`, "content-type": "application/json" }, body: big.subarray(0, limit + 1) });
      await expectListed(op, res, 413, "a body over the limit");
    }
  });

  it("answers a reused Idempotency-Key with 422, and a malformed one with 400, on every admin write", async () => {
    for (const op of ops.filter((o) => isAdmin(o) && isWrite(o))) {
      const { path, init } = await validWrites[op.operation.operationId]!();
      const key = `statuses-${op.operation.operationId}`;
      const withKey = (extra: Record<string, string>) => ({ ...init, headers: { ...(init.headers as Record<string, string>), ...extra } });
      const first = await call(path, withKey({ "idempotency-key": key }));
      await expectListed(op, first, op.operation.responses["201"] ? 201 : op.operation.responses["204"] ? 204 : 200, "a valid request");
      if (op.method === "post" && SHOWS_SECRET_PATHS.has(path)) {
        // Its first answer showed a secret, which is never kept: the repeat is refused (http/idempotency.ts).
        await expectListed(op, await call(path, withKey({ "idempotency-key": key })), 409, "the same request repeated");
      }
      await expectListed(op, await call(`${path}?another=1`, withKey({ "idempotency-key": key })), 422, "the key reused for another request");
      await expectListed(op, await call(path, withKey({ "idempotency-key": "k".repeat(256) })), 400, "a malformed key");
    }
  });

  it("answers 429 past the per-address limit", async () => {
    let address = 0;
    for (const op of ops) {
      const headers = { "cf-connecting-ip": `192.0.2.${++address}` };
      // vitest.config.ts allows 5 requests per address and period; a period may end midway, so
      // the limit is met within 11 requests.
      let res: Response | undefined;
      for (let i = 0; i < 11 && res?.status !== 429; i++) {
        res = await call(fill(op.template) + (QUERIES[op.operation.operationId] ?? ""), { method: op.method.toUpperCase(), headers });
        if (res.status !== 429) await expectListed(op, res, undefined, `request ${i + 1} from one address`);
      }
      await expectListed(op, res!, 429, "requests from one address past the limit");
    }
  });

  it("answers 503 when the store fails", async () => {
    const broken = { ...env, KV: failingKv };
    for (const op of ops) {
      // The key check reads the store first, so every operation meets the failure.
      const req = new Request(ORIGIN + fill(op.template), { method: op.method.toUpperCase(), headers: { "x-api-key": WELL_FORMED_KEY } });
      await expectListed(op, await app.fetch(req, broken, createExecutionContext()), 503, "a failing store");
    }
  });
});
