/**
 * axe-core in a page under test, and the page's own complaints (console errors, failed requests).
 *
 * axe is installed as an init script (DevTools' Page.addScriptToEvaluateOnNewDocument), which the
 * page's Content-Security-Policy does not govern: /embed allows only `script-src 'self'` and /docs
 * no script at all, yet both are audited as served. axe walks open shadow roots by itself, so the
 * widget's inside is audited with the page around it.
 */
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

/**
 * WCAG 2.0 and 2.1, levels A and AA (what public bodies that embed tenc must meet), and axe's
 * best practices, which Lighthouse also reports: a page's `main` landmark and `h1` are among them.
 */
export const RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

const AXE_PATH = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

/** Call before the first navigation: every document the page loads then carries `window.axe`. */
export async function withAxe(page: Page): Promise<void> {
  await page.addInitScript({ path: AXE_PATH });
}

export interface Violation {
  rule: string;
  impact: string | null;
  help: string;
  /** One selector per offending node; ` >>> ` steps into a shadow root. */
  targets: string[];
}

export async function audit(page: Page): Promise<Violation[]> {
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe?: typeof import("axe-core") }).axe;
    if (!axe) throw new Error("axe-core is not in the page: call withAxe(page) before page.goto");
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({
      rule: v.id,
      impact: v.impact ?? null,
      help: v.help,
      targets: v.nodes.map((n) => n.target.map((t) => [t].flat(2).join(" >>> ")).join(" | ")),
    }));
  }, RULE_TAGS);
}

/** One line per violation, for a failing test's message. */
export const describeViolations = (found: Violation[]) =>
  found.map((v) => `${v.rule} (${v.impact}): ${v.help} — ${v.targets.join(", ")}`).join("\n");

/**
 * Everything the page logs as an error, throws, or fetches without success, from now on. A 404
 * (a favicon the page never declared, say) shows up here and in the console.
 */
export function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  page.on("requestfailed", (r) => problems.push(`failed: ${r.method()} ${r.url()} (${r.failure()?.errorText})`));
  return problems;
}
