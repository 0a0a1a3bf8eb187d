import { cloudflareTest } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { buildWidget } from "./scripts/build-widget.ts";

// The Worker imports the bundled widget (src/generated/, git-ignored): build it before any test.
await buildWidget();

export default defineConfig({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: "./wrangler.toml" },
      miniflare: {
        bindings: { ADMIN_TOKEN: "test-admin-token" },
        // Smaller than wrangler.toml's so a test reaches them quickly (test/partners/rate-limit.test.ts).
        ratelimits: { PARTNER_LIMITER: { namespace_id: "1001", simple: { limit: 8, period: 60 } }, ADDRESS_LIMITER: { namespace_id: "1002", simple: { limit: 5, period: 60 } } },
      },
    }),
  ],
  test: {
    include: ["test/**/*.test.ts"],
    // Node drives Chromium and the CLI there: vitest.browser.config.ts; test/node/ runs in Node: vitest.node.config.ts.
    exclude: ["test/browser/**", "test/cli/**", "test/node/**", "**/node_modules/**"],
    reporters: ["default", "./test/summary-reporter.ts"],
    testTimeout: 30_000,
    // Seeding in beforeAll outlasts the default 10 s on a loaded 2-core machine.
    hookTimeout: 60_000,
  },
});
