/**
 * Who may write what: every admin route, walked with no token, a wrong token, a revoked token,
 * another provider's token, a collector's token and the right one. The routes are read from the
 * app's own OpenAPI document, so a route added later is walked too.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { authorize } from "../../src/http/access-policy.ts";
import { openApiDocument } from "../../src/routes/partners/openapi-document.ts";
import { adminCall, json, putRate } from "../helpers.ts";
import { callAs, expectProblem, issueToken, quotesBody } from "./helpers.ts";

interface AdminRoute {
  method: string;
  /** OpenAPI template, e.g. /v1/admin/rates/{base}/{quote} */
  template: string;
}

const doc = openApiDocument(buildApp(), "http://tenc.test");
const adminRoutes: AdminRoute[] = Object.entries(doc.paths ?? {})
  .filter(([path]) => path.startsWith("/v1/admin/"))
  .flatMap(([template, item]) => Object.keys(item as object).filter((m) => ["get", "put", "post", "delete", "patch"].includes(m)).map((m) => ({ method: m.toUpperCase(), template })));

const PARAMS: Record<string, string> = { corridor: "KWT-IND", providerId: "alpha", base: "KWD", quote: "INR", id: "tok_000000000000000000000000" };
const fill = (template: string, params: Record<string, string> = {}) => template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? PARAMS[name] ?? "x");

/** A request each known route accepts from the right principal. */
function validRequest(route: AdminRoute, ctx: { revocable: string }): { path: string; body?: unknown } | undefined {
  const key = `${route.method} ${route.template}`;
  switch (key) {
    case "PUT /v1/admin/corridors/{corridor}/quotes/{providerId}":
      return { path: fill(route.template), body: quotesBody("Alpha Remit") };
    case "PUT /v1/admin/rates/{base}/{quote}":
      return { path: fill(route.template), body: { rate: "270.5", asOf: "2026-11-20T00:00:00Z", source: "test" } };
    case "POST /v1/admin/tokens":
      return { path: route.template, body: { role: "collector" } };
    case "DELETE /v1/admin/tokens/{id}":
      return { path: fill(route.template, { id: ctx.revocable }) };
    case "GET /v1/admin/tokens":
    case "GET /v1/admin/audit":
    case "GET /v1/admin/corridors/{corridor}/history":
      return { path: fill(route.template) };
    default:
      return undefined;
  }
}

const isOwnQuotes = (r: AdminRoute) => r.template === "/v1/admin/corridors/{corridor}/quotes/{providerId}";
/** A collector's imports: the ECB import sets the current reference rates, which is the operator's. */
const isImport = (r: AdminRoute) => r.template.startsWith("/v1/admin/imports/") && r.template !== "/v1/admin/imports/ecb";

let alpha: { id: string; token: string };
let beta: { id: string; token: string };
let collector: { id: string; token: string };
let revoked: { id: string; token: string };

beforeAll(async () => {
  await putRate("KWD", "INR", "270.5");
  alpha = await issueToken({ role: "provider", providerId: "alpha" });
  beta = await issueToken({ role: "provider", providerId: "beta" });
  collector = await issueToken({ role: "collector" });
  revoked = await issueToken({ role: "provider", providerId: "alpha" });
  expect((await adminCall("DELETE", `/v1/admin/tokens/${revoked.id}`)).status).toBe(200);
});

describe("every admin route", () => {
  it("is found in the OpenAPI document, the known ones included", () => {
    const names = adminRoutes.map((r) => `${r.method} ${r.template}`);
    expect(names).toEqual(
      expect.arrayContaining([
        "PUT /v1/admin/corridors/{corridor}/quotes/{providerId}",
        "PUT /v1/admin/rates/{base}/{quote}",
        "POST /v1/admin/tokens",
        "GET /v1/admin/tokens",
        "DELETE /v1/admin/tokens/{id}",
        "GET /v1/admin/audit",
        "GET /v1/admin/corridors/{corridor}/history",
      ]),
    );
  });

  for (const route of adminRoutes) {
    describe(`${route.method} ${route.template}`, () => {
      const body = route.method === "GET" || route.method === "DELETE" ? undefined : {};
      const path = fill(route.template);

      it("answers 401 without a token", async () => {
        const res = await callAs(undefined, route.method, path, body);
        await expectProblem(res, 401);
        expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
      });

      it("answers 401 to a wrong token, shaped like an issued one or not", async () => {
        await expectProblem(await callAs("tenc_not-a-real-token-at-all-xxxxxxxxxxxxxxxx", route.method, path, body), 401);
        await expectProblem(await callAs("test-admin-token-but-longer", route.method, path, body), 401);
        await expectProblem(await callAs("", route.method, path, body), 401);
      });

      it("answers 401 to a revoked token", async () => {
        await expectProblem(await callAs(revoked.token, route.method, path, body), 401);
      });

      it("answers 403 to another provider's token", async () => {
        // For the quotes route beta writes alpha's quotes; everywhere else any provider is out of scope.
        await expectProblem(await callAs(beta.token, route.method, path, body), 403);
      });

      it(isImport(route) ? "lets a collector through" : "answers 403 to a collector's token", async () => {
        const res = await callAs(collector.token, route.method, path, body);
        if (isImport(route)) expect([401, 403]).not.toContain(res.status);
        else await expectProblem(res, 403);
      });

      it("succeeds with the right token", async () => {
        const revocable = (await issueToken({ role: "collector" })).id;
        const valid = validRequest(route, { revocable });
        const token = isOwnQuotes(route) ? alpha.token : "test-admin-token";
        const res = await callAs(token, route.method, valid?.path ?? path, valid?.body ?? body);
        const text = await res.text();
        if (valid) expect(res.status, text).toBeLessThan(300);
        else expect([401, 403], text).not.toContain(res.status);
        expect(res.status, text).toBeGreaterThanOrEqual(200);
      });
    });
  }
});

describe("a provider token", () => {
  it("writes its own provider's quotes in any corridor", async () => {
    for (const corridor of ["KWT-IND", "ARE-IND", "kw-in"]) {
      const res = await callAs(alpha.token, "PUT", `/v1/admin/corridors/${corridor}/quotes/alpha`, quotesBody("Alpha Remit", "271"));
      expect(res.status, await res.text()).toBe(200);
    }
  });

  it("cannot write another provider's quotes, however the id is spelled", async () => {
    for (const id of ["beta", "ALPHA", "alpha%2F..", "alph%61x", "alpha/", "%61lpha-x"]) {
      const res = await callAs(alpha.token, "PUT", `/v1/admin/corridors/KWT-IND/quotes/${id}`, quotesBody("Alpha Remit"));
      expect([400, 403, 404], `${id}: ${res.status}`).toContain(res.status);
      expect(res.status).not.toBe(200);
    }
  });

  it("cannot set reference rates, issue tokens or run imports", async () => {
    await expectProblem(await callAs(alpha.token, "PUT", "/v1/admin/rates/KWD/INR", { rate: "1", asOf: "2026-11-20T00:00:00Z", source: "x" }), 403);
    await expectProblem(await callAs(alpha.token, "POST", "/v1/admin/tokens", { role: "provider", providerId: "alpha" }), 403);
    await expectProblem(await callAs(alpha.token, "POST", "/v1/admin/imports/rpw", "a,b"), 403);
    await expectProblem(await callAs(alpha.token, "POST", "/v1/admin/keys", {}), 403);
  });
});

describe("the token list", () => {
  it("shows ids and scopes but never a secret or its hash", async () => {
    const res = await adminCall("GET", "/v1/admin/tokens");
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).not.toContain(alpha.token);
    expect(text).not.toMatch(/[0-9a-f]{64}/);
    const { tokens } = JSON.parse(text) as { tokens: { id: string; role: string; providerId?: string }[] };
    expect(tokens).toContainEqual(expect.objectContaining({ id: alpha.id, role: "provider", providerId: "alpha" }));
    expect(tokens.map((t) => t.id)).not.toContain(revoked.id);
  });

  it("answers 404 to revoking an unknown token and 400 to a malformed id", async () => {
    await expectProblem(await adminCall("DELETE", "/v1/admin/tokens/tok_ffffffffffffffffffffffff"), 404);
    await expectProblem(await adminCall("DELETE", "/v1/admin/tokens/not-an-id"), 400);
  });

  it("refuses grants that are not provider-with-id or collector", async () => {
    for (const body of [{ role: "operator" }, { role: "provider" }, { role: "provider", providerId: "Bad Id" }, { role: "collector", providerId: "x" }, []]) {
      await expectProblem(await adminCall("POST", "/v1/admin/tokens", body), 400);
    }
  });
});

describe("the policy, as a pure function", () => {
  it("lets the operator do anything and a collector only imports", () => {
    expect(authorize({ id: "operator", role: "operator" }, "DELETE", "/v1/admin/anything")).toMatchObject({ allowed: true });
    expect(authorize({ id: "c", role: "collector" }, "POST", "/v1/admin/imports/rpw")).toMatchObject({ allowed: true, action: "imports:run" });
    expect(authorize({ id: "c", role: "collector" }, "POST", "/v1/admin/imports/flows")).toMatchObject({ allowed: true, action: "imports:run" });
    expect(authorize({ id: "c", role: "collector" }, "POST", "/v1/admin/imports/ecb")).toMatchObject({ allowed: false });
    expect(authorize({ id: "operator", role: "operator" }, "POST", "/v1/admin/imports/ecb")).toMatchObject({ allowed: true, action: "rates:import" });
    expect(authorize({ id: "c", role: "collector" }, "PUT", "/v1/admin/imports/ecb")).toMatchObject({ allowed: false });
    expect(authorize({ id: "c", role: "collector" }, "GET", "/v1/admin/keys")).toMatchObject({ allowed: false });
    expect(authorize({ id: "p", role: "provider", providerId: "alpha" }, "PUT", "/v1/admin/corridors/X/quotes/alpha")).toMatchObject({ allowed: true });
    expect(authorize({ id: "p", role: "provider", providerId: "alpha" }, "PUT", "/v1/admin/corridors/X/quotes/alpha/extra")).toMatchObject({ allowed: false });
  });
});

it("an issued token's secret is shown once: the answer to listing never repeats it", async () => {
  const issued = await json(await adminCall("POST", "/v1/admin/tokens", { role: "provider", providerId: "gamma" }));
  expect(issued.token).toMatch(/^tenc_[A-Za-z0-9_-]{43}$/);
  expect(issued.id).toMatch(/^tok_[0-9a-f]{24}$/);
});
