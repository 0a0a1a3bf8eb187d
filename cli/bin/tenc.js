#!/usr/bin/env node
// The CLI is TypeScript run by Node's own type stripping (Node ≥ 22.18; the project's
// node_modules/.bin/node is one): say so plainly on an older Node instead of a syntax error.
const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(`tenc needs Node 22.18 or newer (this is ${process.version}); run it as \`npx tenc\` inside the project, which uses its own Node\n`);
  process.exit(1);
}
await import("../main.ts");
