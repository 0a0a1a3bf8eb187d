/**
 * The browser tests: Node (not workerd) drives headless Chromium against `wrangler dev`.
 * See test/browser/ and docs/partners.md.
 */
import { defineConfig } from "vitest/config";
import { buildWidget } from "./scripts/build-widget.ts";

await buildWidget();

export default defineConfig({
  test: {
    // test/cli: the tenc command line, run as a process against wrangler dev (docs/cli.md).
    include: ["test/browser/**/*.test.ts", "test/cli/**/*.test.ts"],
    environment: "node",
    reporters: ["default", "./test/summary-reporter.ts"],
    // One wrangler and one Chromium at a time: the machine is small.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
