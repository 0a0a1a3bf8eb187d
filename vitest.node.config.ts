/**
 * Tests that run in Node, not workerd: checks on the repository itself (nothing read from outside
 * it, the generated Env matches wrangler.toml, the OpenAPI document lints clean).
 */
import { defineConfig } from "vitest/config";
import { buildWidget } from "./scripts/build-widget.ts";

// test/node/i18n-catalogs.test.ts imports the widget's words, which the build parses into src/generated/.
await buildWidget();

export default defineConfig({
  test: {
    include: ["test/node/**/*.test.ts"],
    environment: "node",
    // wrangler types and wrangler dev both run the widget build ([build] in wrangler.toml): one at a time.
    fileParallelism: false,
    reporters: ["default", "./test/summary-reporter.ts"],
    testTimeout: 120_000,
    // openapi-lint.test.ts starts `wrangler dev` first.
    hookTimeout: 180_000,
  },
});
