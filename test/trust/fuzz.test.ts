/**
 * Bad input at volume: 10,000 generated requests across every route — random paths, methods,
 * query strings, headers and bodies (huge, empty, deeply nested, wrong types, invalid UTF-8,
 * 1e309, -0, NaN, valid bodies with one field spoiled). None may get a 5xx, every 4xx must be
 * problem+json, and a batch in which no write was accepted must leave the stored data unchanged.
 */
import fc from "fast-check";
import { beforeAll, expect, it } from "vitest";
import { adminCall, call, json, putRate } from "../helpers.ts";
import { issueToken, kvSnapshot, quotesBody } from "./helpers.ts";

const BATCHES = 20;
const RUNS_PER_BATCH = 500;

let bearers: string[];

beforeAll(async () => {
  await putRate("KWD", "INR", "270.5");
  await adminCall("PUT", "/v1/admin/corridors/KWT-IND/quotes/alpha", quotesBody("Alpha Remit"));
  const alpha = await issueToken({ role: "provider", providerId: "alpha" });
  const collector = await issueToken({ role: "collector" });
  const revoked = await issueToken({ role: "provider", providerId: "beta" });
  await adminCall("DELETE", `/v1/admin/tokens/${revoked.id}`);
  bearers = ["test-admin-token", alpha.token, collector.token, revoked.token];
});

const visibleAscii = (max: number) => fc.stringMatching(new RegExp(`^[\\x20-\\x7e]{0,${max}}$`));

/** Any string, percent-encoded when it can be; raw otherwise (lone surrogates cannot). */
const segment = fc.oneof(
  fc.constantFrom("KWT-IND", "kw-in", "alpha", "beta", "KWD", "INR", "USD", "tok_000000000000000000000000", "", "..", "%", "%00", "%E0%A4%A", "%2F", "a%2Fb", "XXX-YYY", "KWT-KWT"),
  fc.string({ maxLength: 30 }).map((s) => {
    try {
      return encodeURIComponent(s);
    } catch {
      return s;
    }
  }),
  fc.string({ unit: "binary", maxLength: 30 }).map((s) => encodeURIComponent(s.replace(/[\uD800-\uDFFF]/g, ""))),
);

const templates = [
  "/health",
  "/v1/corridors",
  "/v1/corridors/{}",
  "/v1/corridors/{}/quotes",
  "/v1/admin/corridors/{}/quotes/{}",
  "/v1/admin/corridors/{}/history",
  "/v1/admin/rates/{}/{}",
  "/v1/admin/tokens",
  "/v1/admin/tokens/{}",
  "/v1/admin/audit",
  "/v1/admin/imports/{}",
  "/v1/admin/keys",
  "/openapi.json",
];

const path = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...templates), fc.array(segment, { minLength: 2, maxLength: 2 })).map(([t, [a, b]]) => t.replace("{}", a!).replace("{}", b!)) },
  { weight: 1, arbitrary: fc.array(segment, { maxLength: 6 }).map((parts) => "/" + parts.join("/")) },
);

const queryKey = fc.constantFrom("amount", "recipientAmount", "sendCurrency", "receiveCurrency", "payIn", "payOut", "maxSpeed", "providerType", "sort", "corridor", "provider", "limit", "x", "__proto__", "constructor");
const queryValue = fc.oneof(
  fc.constantFrom("200", "0", "-0", "1e309", "NaN", "Infinity", "0.001", "99999999999999999999", "1e12", "KWD", "INR", "cash", "recipient_gets", "1000", "1001", "%", "%ZZ", "KWT-IND", "alpha", ""),
  segment,
);
const query = fc.array(fc.tuple(queryKey, queryValue), { maxLength: 5 }).map((pairs) => (pairs.length ? "?" + pairs.map(([k, v]) => `${k}=${v}`).join("&") : ""));

const HUGE = "x".repeat(1024 * 1024 + 10);
const nested = (depth: number, open: string, close: string) => open.repeat(depth) + close.repeat(depth);
const specials = ["1e309", "-1e309", "-0", "NaN", "Infinity", "null", "true", "\"\"", "[]", "{}", "0.1e-400", "123456789012345678901234567890"];

/** A valid body with one field spoiled: the closest a bad request comes to a good one. */
const spoiledQuotes = fc.tuple(fc.constantFrom("provider", "products", "rate", "fee", "min", "max", "upTo", "percent", "fixed", "amount", "observedAt", "sendCurrency", "speed", "transparent", "extra"), fc.constantFrom(...specials)).map(([field, bad]) => {
  const body = JSON.stringify(quotesBody("Alpha Remit", "271"));
  if (field === "extra") return body.replace(/^\{/, `{"extra":${bad},`);
  return body.replace(new RegExp(`"${field}":("[^"]*"|\\{[^}]*\\}|\\[[^\\]]*\\])`), `"${field}":${bad}`);
});

const body = fc.oneof(
  fc.constant(undefined),
  fc.constant(""),
  fc.constant(HUGE),
  fc.constantFrom(nested(5000, "[", "]"), nested(5000, '{"a":', "}").replace(/}$/, "1}"), nested(200, '{"provider":', "}")),
  fc.constantFrom(...specials),
  fc.constantFrom('{"rate":1e309,"asOf":"2026-11-20T00:00:00Z","source":"x"}', '{"rate":-0,"asOf":"x","source":"x"}', '{"role":"provider","providerId":NaN}', '{"role":"collector"'),
  fc.json({ maxDepth: 4 }),
  fc.anything({ maxDepth: 3 }).map((v) => {
    try {
      return JSON.stringify(v) ?? "";
    } catch {
      return "";
    }
  }),
  fc.uint8Array({ maxLength: 64 }).map((bytes) => new Uint8Array([0xff, 0xfe, 0xc3, ...bytes])),
  spoiledQuotes,
);

const method = fc.constantFrom("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");

const headerFields = {
  contentType: fc.option(fc.constantFrom("application/json", "text/csv", "application/xml", "text/plain", "multipart/form-data", "application/json; charset=utf-16", ""), { nil: undefined }),
  idempotencyKey: fc.option(visibleAscii(300), { nil: undefined }),
  extraHeader: fc.option(fc.tuple(fc.constantFrom("accept", "x-api-key", "origin", "content-length-ish", "if-none-match"), visibleAscii(80)), { nil: undefined }),
};

/** Anything at all: unknown paths, wrong methods, any credentials. */
const wild = fc.record({
  method,
  path,
  query,
  body,
  bearer: fc.option(fc.oneof(fc.integer({ min: 0, max: 3 }), visibleAscii(60)), { nil: undefined }),
  ...headerFields,
});

const routes: [string, string][] = [
  ["GET", "/v1/corridors"],
  ["GET", "/v1/corridors/{}"],
  ["GET", "/v1/corridors/{}/quotes"],
  ["PUT", "/v1/admin/corridors/{}/quotes/{}"],
  ["GET", "/v1/admin/corridors/{}/history"],
  ["PUT", "/v1/admin/rates/{}/{}"],
  ["POST", "/v1/admin/tokens"],
  ["GET", "/v1/admin/tokens"],
  ["DELETE", "/v1/admin/tokens/{}"],
  ["GET", "/v1/admin/audit"],
];
const likelySegment = fc.oneof({ weight: 3, arbitrary: fc.constantFrom("KWT-IND", "kw-in", "alpha", "KWD", "INR", "tok_000000000000000000000000") }, { weight: 1, arbitrary: segment });

/** Aimed at a real route with the right method and, mostly, a token allowed there: validation is what it meets. */
const aimed = fc.record({
  route: fc.constantFrom(...routes),
  segments: fc.array(likelySegment, { minLength: 2, maxLength: 2 }),
  query,
  body,
  bearer: fc.option(fc.oneof({ weight: 4, arbitrary: fc.constant(0) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 3 }) }), { nil: undefined, freq: 10 }),
  ...headerFields,
}).map(({ route: [m, t], segments: [a, b], ...rest }) => ({ ...rest, method: m, path: t.replace("{}", a!).replace("{}", b!) }));

const request: fc.Arbitrary<Generated> = fc.oneof({ weight: 2, arbitrary: aimed }, { weight: 1, arbitrary: wild });

interface Generated {
  method: string;
  path: string;
  query: string;
  body: string | Uint8Array | undefined;
  bearer: number | string | undefined;
  contentType: string | undefined;
  idempotencyKey: string | undefined;
  extraHeader: [string, string] | undefined;
}

function toInit(r: Generated): RequestInit {
  const headers: Record<string, string> = {};
  if (r.bearer !== undefined) headers.authorization = `Bearer ${typeof r.bearer === "number" ? bearers[r.bearer] : r.bearer}`;
  if (r.contentType !== undefined) headers["content-type"] = r.contentType;
  if (r.idempotencyKey !== undefined) headers["idempotency-key"] = r.idempotencyKey;
  if (r.extraHeader) headers[r.extraHeader[0]] = r.extraHeader[1];
  const hasBody = r.method !== "GET" && r.method !== "HEAD" && r.body !== undefined;
  return { method: r.method, headers, body: hasBody ? r.body : undefined };
}

const stored = async () => ({ kv: await kvSnapshot(), history: (await json(await adminCall("GET", "/v1/admin/corridors/KWT-IND/history"))).records.length });

it(`${BATCHES * RUNS_PER_BATCH} generated requests: no 5xx, every 4xx problem+json, rejected requests change nothing`, async () => {
  let total = 0;
  let accepted = 0;
  const statuses = new Map<number, number>();
  for (let batch = 0; batch < BATCHES; batch++) {
    const before = await stored();
    let writesAccepted = 0;
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        total++;
        const res = await call(r.path + r.query, toInit(r));
        const text = await res.text();
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const where = `${r.method} ${r.path}${r.query} -> ${res.status} ${text.slice(0, 300)}`;
        expect(res.status, where).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get("content-type"), where).toMatch(/^application\/problem\+json/);
          if (r.method !== "HEAD") expect(JSON.parse(text).status, where).toBe(res.status);
        }
        expect(res.headers.get("x-content-type-options"), where).toBe("nosniff");
        if (res.status < 300 && !["GET", "HEAD", "OPTIONS"].includes(r.method)) writesAccepted++;
      }),
      { numRuns: RUNS_PER_BATCH, seed: 1000 + batch, endOnFailure: true },
    );
    accepted += writesAccepted;
    if (writesAccepted === 0) expect(await stored()).toEqual(before);
  }
  expect(total).toBe(BATCHES * RUNS_PER_BATCH);
  console.log("statuses of the generated requests", Object.fromEntries(statuses));
  // The generator must get past authentication often enough to exercise validation and routing.
  expect(statuses.get(400) ?? 0).toBeGreaterThan(total / 5);
  expect(statuses.get(200) ?? 0).toBeGreaterThan(total / 50);
  // Almost every generated write is rejected; the few accepted ones were answered 2xx, not lost.
  expect(accepted).toBeLessThan(total / 10);
  // Ten thousand requests through workerd: a limit for a loaded 2-core machine, not a speed claim.
}, 180_000);

it("a body over the limit is answered 413 problem+json before it is read", async () => {
  const res = await adminCall("PUT", "/v1/admin/corridors/KWT-IND/quotes/alpha", `{"a":"${"x".repeat(1024 * 1024)}"}`);
  expect(res.status).toBe(413);
  expect(res.headers.get("content-type")).toMatch(/^application\/problem\+json/);
});

it("security headers are set on answers and on errors", async () => {
  for (const res of [await call("/v1/corridors"), await call("/nowhere")]) {
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("strict-transport-security")).toMatch(/max-age=/);
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");
  }
});
