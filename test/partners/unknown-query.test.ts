/**
 * docs/api.md promises that unknown parameters are rejected, so that a typo never silently changes
 * the answer. Every GET operation of /openapi.json is asked with a parameter it does not take, next
 * to the ones it needs: each must answer 400 problem+json naming it. A new route cannot forget.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { ADMIN_TOKEN, call, json } from "../helpers.ts";

type Parameter = { name: string; in: string; required: boolean; schema: { example?: unknown; examples?: unknown[]; enum?: unknown[] } };
type Operation = { operationId: string; parameters?: Parameter[]; responses: Record<string, unknown>; "x-query-ignored"?: true };
type Doc = { paths: Record<string, Record<string, Operation>> };

const PATH_VALUES: Record<string, string> = { corridor: "KEN-UGA", id: "does-not-exist", file: "ar.json" };
const TYPO = "perod";

/** A value a required query parameter accepts: its documented example, else its first allowed value. */
function valueOf(p: Parameter): string {
  const value = p.schema.example ?? p.schema.examples?.[0] ?? p.schema.enum?.[0];
  if (value === undefined) throw new Error(`required query parameter ${p.name} has no example to send`);
  return String(value);
}

let gets: { template: string; operation: Operation }[] = [];

beforeAll(async () => {
  const doc = await json<Doc>(await call("/openapi.json"));
  gets = Object.entries(doc.paths).flatMap(([template, methods]) => (methods.get ? [{ template, operation: methods.get }] : []));
});

describe("an unknown query parameter", () => {
  it("is a 400 naming it on every GET operation, which documents the 400", async () => {
    expect(gets.length).toBeGreaterThan(20);
    // Only files opt out: a question (JSON, CSV, a chart, a page) is never answered past a typo.
    const ignoring = gets.filter((g) => g.operation["x-query-ignored"]).map((g) => g.template).sort();
    expect(ignoring).toEqual(["/favicon.svg", "/stats-icon.svg", "/stats.css", "/stats.js", "/widget.js", "/widget/messages/{file}"]);
    for (const { template, operation } of gets) {
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => PATH_VALUES[name] ?? "x");
      const query = new URLSearchParams();
      for (const p of operation.parameters ?? []) if (p.in === "query" && p.required) query.set(p.name, valueOf(p));
      expect(query.has(TYPO), `${template} takes ${TYPO}`).toBe(false);
      query.set(TYPO, "2011Q3");
      const owned = template.startsWith("/v1/admin/") || template.startsWith("/v1/alerts/");
      const res = await call(`${path}?${query}`, { headers: owned ? { authorization: `Bearer ${ADMIN_TOKEN}` } : {} });
      const what = `GET ${path}?${query}`;
      if (operation["x-query-ignored"]) {
        // A file a page or a partner's site loads: a cache-busting `?v=3` must still fetch it.
        expect(res.status, `${what}: ${await res.clone().text()}`).toBe(200);
        continue;
      }
      expect(res.status, `${what}: ${await res.clone().text()}`).toBe(400);
      expect(res.headers.get("content-type"), what).toBe("application/problem+json");
      const problem = await json<{ type: string; detail: string }>(res);
      expect(problem.type, what).toBe("https://tenc.dev/problems/validation");
      expect(problem.detail, what).toContain(`"${TYPO}"`);
      expect(Object.keys(operation.responses), `${template} does not document its 400`).toContain("400");
    }
  });

  it("is rejected where the user met it, and the real parameters still answer", async () => {
    for (const path of ["/v1/stats/corridors/KEN-UGA?perod=2011Q3&amout=500", "/v1/stats/global?period=2011Q3&fromat=csv", "/v1/corridors?limit=5", "/v1/corridors/USA-MEX?foo=1"]) {
      const res = await call(path);
      expect(res.status, path).toBe(400);
      const unknown = [...new URL(path, "http://x").searchParams.keys()].find((k) => !["period", "amount", "format"].includes(k))!;
      expect((await json<{ detail: string }>(res)).detail, path).toContain(`"${unknown}"`);
    }
    // Known parameters are not mistaken for typos (404: nothing is imported here, but the question was understood).
    const known = await call("/v1/stats/global?period=2011Q3&amount=500&format=csv");
    expect(known.status).toBe(404);
  });
});
