import AxeBuilder from "@axe-core/playwright";
import axe, { type AxeResults, type RunOptions } from "axe-core";
import type { Page } from "playwright-core";

/** WCAG 2.1 A and AA rules plus axe's best practices (landmarks, headings, regions). */
const RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * The rules above, with full details for violations only: passes and incomplete results still run
 * every check but keep one node each, so axe builds no selectors for the hundreds of passing nodes.
 */
const RUN_OPTIONS: RunOptions = {
  runOnly: { type: "tag", values: RULE_TAGS },
  resultTypes: ["violations"],
};

/**
 * axe.run() in the page itself, injecting axe-core only when the document has none yet: the
 * injection (compiling its 550 KB in a renderer with no code cache) costs more than an audit, and
 * the widget's screens are audited one after another in one document.
 */
async function auditInPlace(page: Page): Promise<AxeResults> {
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(axe.source);
  return page.evaluate(
    (options) => (window as unknown as { axe: typeof axe }).axe.run(document, options),
    RUN_OPTIONS,
  );
}

/**
 * The page's serious and critical axe violations, one line per rule with the first offending
 * elements, so a failing test names what to fix. Frames on the page are audited too.
 */
export async function seriousViolations(page: Page) {
  // Skeletons and fade-ins are transient; audit what the page settles on.
  await page.locator(".animate-pulse").first().waitFor({ state: "detached", timeout: 15_000 });
  // A page with frames goes through @axe-core/playwright, which audits each frame and finishes in
  // a new blank tab.
  const results =
    page.frames().length === 1
      ? await auditInPlace(page)
      : await new AxeBuilder({ page }).options(RUN_OPTIONS).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 4)
          .map(
            (node) =>
              `${node.target.join(" ")} ${node.failureSummary?.split("\n")[1]?.trim() ?? ""}`,
          )
          .join(" | ")}`,
    );
}
