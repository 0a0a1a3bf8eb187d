import { validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../src/app.ts";
import { call, json } from "../helpers.ts";

const METHODS = ["get", "put", "post", "delete", "patch"];

/** Every (method, path) the Hono app serves, in OpenAPI's path syntax; middleware (`ALL`) excluded. */
function servedRoutes(): string[] {
  const app = buildApp();
  const served = app.routes
    .filter((r) => METHODS.includes(r.method.toLowerCase()))
    .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([A-Za-z0-9_]+)/g, "{$1}")}`);
  return [...new Set(served)].sort();
}

describe("GET /openapi.json", () => {
  it("Should be a valid OpenAPI 3.1 document", async () => {
    const res = await call("/openapi.json");
    expect(res.status).toBe(200);
    const doc = await json(res);
    expect(doc.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(doc));
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("Should document every route the app serves, and nothing it does not", async () => {
    const doc = await json(await call("/openapi.json"));
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, item]) => Object.keys(item).filter((m) => METHODS.includes(m)).map((m) => `${m} ${path}`))
      .sort();
    const served = servedRoutes();
    expect(served.length).toBeGreaterThan(10);
    expect(documented).toEqual(served);
  });

  it("Should require the bearer token on every admin operation, accept it on the alerts' (beside a partner key), and on nothing else", async () => {
    const doc = await json(await call("/openapi.json"));
    expect(doc.components.securitySchemes.bearer).toEqual({ type: "http", scheme: "bearer" });
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: "apiKey", in: "header", name: "X-Api-Key" });
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, op] of Object.entries(item)) {
        const bearer = (op.security ?? []).some((s: object) => "bearer" in s);
        expect(bearer, `${method} ${path}`).toBe(path.startsWith("/v1/admin/") || path.startsWith("/v1/alerts/"));
      }
    }
  });

  it("Should declare problem+json errors with the query parameters of the comparison", async () => {
    const doc = await json(await call("/openapi.json"));
    const op = doc.paths["/v1/corridors/{corridor}/quotes"].get;
    expect(op.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["corridor", "amount", "recipientAmount", "payOut", "sort"]));
    for (const status of ["400", "404", "429"]) expect(Object.keys(op.responses[status].content)).toEqual(["application/problem+json"]);
    const keys = doc.paths["/v1/admin/keys"].post;
    expect(Object.keys(keys.responses)).toEqual(expect.arrayContaining(["201", "400", "401"]));
  });

  it("Should name the server the request came to", async () => {
    const doc = await json(await call("/openapi.json"));
    expect(doc.servers).toEqual([{ url: "http://tenc.test" }]);
  });
});

describe("GET /docs", () => {
  it("Should render every operation as HTML, with no script", async () => {
    const res = await call("/docs");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/html/);
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const page = await res.text();
    expect(page).not.toMatch(/<script/i);
    for (const op of ["GET /v1/corridors/{corridor}/quotes", "POST /v1/admin/keys", "DELETE /v1/admin/keys/{id}", "GET /widget.js", "GET /embed"]) expect(page).toContain(op);
    expect(page).toContain('href="/openapi.json"');
  });
});
