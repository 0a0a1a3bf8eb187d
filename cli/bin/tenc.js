#!/usr/bin/env node
// The CLI is TypeScript run by Node's own type stripping (Node ≥ 22.18; the project's
// node_modules/.bin/node is one): say so plainly on an older Node instead of a syntax error.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`tenc needs Node 22.18 or newer (this is ${process.version}); run it as \`npx tenc\` inside the project, which uses its own Node\n`);
  process.exit(1);
}

// An import streams the workbook and holds little (tens of MB), but left to itself V8 lets its heap
// grow far past that while chunks are in flight; a capped heap keeps the process under 300 MB at
// 250,000 rows (bench/README.md). The process replaces itself (same pid, same terminal) with one
// started with the cap, unless the caller chose a cap of their own in NODE_OPTIONS or on the
// command line. Windows has no execve: there it runs uncapped.
const HEAP_CAP_MB = 160;
const flags = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? "").split(/\s+/)];
if (!flags.some((f) => /^--max[-_]old[-_]space[-_]size/.test(f)) && typeof process.execve === "function" && process.platform !== "win32") {
  const { fileURLToPath } = await import("node:url");
  process.execve(process.execPath, [process.execPath, `--max-old-space-size=${HEAP_CAP_MB}`, ...process.execArgv, fileURLToPath(import.meta.url), ...process.argv.slice(2)]);
}
await import("../main.ts");
