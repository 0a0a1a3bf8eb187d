/**
 * `npm ci` refuses a lock file that lacks a package some platform would install. npm writes only
 * the current platform's optional packages when a lock is updated from an install that skipped
 * them, so a lock made on Linux can miss workerd's macOS and Windows binaries: check that every
 * optional dependency of every locked package is itself locked, wherever npm would look for it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

type Locked = { version?: string; dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> };
const lock = JSON.parse(readFileSync(join(import.meta.dirname, "..", "..", "package-lock.json"), "utf8")) as {
  packages: Record<string, Locked>;
};

/** Where Node would find `name` from the package at `from`: its own node_modules, then each parent's. */
function resolve(from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const candidate = `${dir ? `${dir}/` : ""}node_modules/${name}`;
    if (lock.packages[candidate]) return candidate;
    if (!dir) return undefined;
    const cut = dir.lastIndexOf("/node_modules/");
    dir = cut < 0 ? "" : dir.slice(0, cut);
  }
}

describe("package-lock.json", () => {
  it("locks every platform's optional packages (workerd, esbuild, …)", () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [path, pkg] of Object.entries(lock.packages)) {
      for (const [name, range] of Object.entries(pkg.optionalDependencies ?? {})) {
        checked++;
        if (!resolve(path, name)) missing.push(`${name}@${range} (for ${path || "the root"})`);
      }
    }
    expect(checked).toBeGreaterThan(30); // workerd's five and esbuild's two dozen at least
    expect(missing).toEqual([]);
  });

  it("has workerd's binaries for macOS, Linux and Windows", () => {
    const workerd = resolve("node_modules/@cloudflare/vitest-plugin", "workerd");
    expect(workerd).toBeDefined();
    for (const platform of ["darwin-64", "darwin-arm64", "linux-64", "linux-arm64", "windows-64"]) {
      expect(resolve(workerd!, `@cloudflare/workerd-${platform}`), platform).toBeDefined();
    }
  });
});
