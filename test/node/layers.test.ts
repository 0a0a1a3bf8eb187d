/**
 * Layers point one way: routes → http → store → domain. The domain is pure TypeScript; the stores
 * know nothing of HTTP; the benchmark's own route stays out of the production source.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const root = join(import.meta.dirname, "..", "..");
const src = join(root, "src");

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (name.endsWith(".ts")) yield path;
  }
}

/** Every module specifier a file imports or re-exports, relative ones resolved to repository paths. */
function imports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const specs = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+["']([^"']+)["']/g), ...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
  return specs.map((s) => (s.startsWith(".") ? relative(root, resolve(file, "..", s)) : s));
}

function violations(folder: string, allowed: (spec: string) => boolean): string[] {
  const out: string[] = [];
  for (const file of files(join(src, folder))) {
    for (const spec of imports(file)) if (!allowed(spec)) out.push(`${relative(root, file)} imports ${spec}`);
  }
  return out;
}

describe("layers", () => {
  it("reads the imports it checks (the parser itself works)", () => {
    expect(imports(join(src, "store", "tokens-repo.ts"))).toContain("src/domain/principals.ts");
  });

  it("src/store/ imports nothing from src/http/ or src/routes/", () => {
    expect(violations("store", (s) => !s.startsWith("src/http/") && !s.startsWith("src/routes/"))).toEqual([]);
  });

  it("src/domain/ imports only the domain and pure libraries: no Hono, no Workers runtime, nothing else of ours", () => {
    const runtime = (s: string) => s === "hono" || s.startsWith("hono/") || s.startsWith("cloudflare:") || s.startsWith("@cloudflare/") || s.startsWith("node:");
    expect(violations("domain", (s) => (s.startsWith("src/") ? s.startsWith("src/domain/") : !runtime(s)))).toEqual([]);
  });

  it("the production source has no benchmark route", () => {
    const found = [...files(src)].filter((f) => readFileSync(f, "utf8").includes("/__bench/"));
    expect(found.map((f) => relative(root, f))).toEqual([]);
  });
});
