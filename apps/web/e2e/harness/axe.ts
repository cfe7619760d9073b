import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";

/** WCAG 2.1 A and AA rules plus axe's best practices (landmarks, headings, regions). */
const RULE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * The page's serious and critical axe violations, one line per rule with the first offending
 * elements, so a failing test names what to fix. Frames on the page are audited too.
 */
export async function seriousViolations(page: Page) {
  // Skeletons and fade-ins are transient; audit what the page settles on.
  await page.locator(".animate-pulse").first().waitFor({ state: "detached", timeout: 15_000 });
  // axe's frame-by-frame run finishes in a new blank tab; a page without frames is audited the
  // same in place, which saves that tab.
  const results = await new AxeBuilder({ page })
    .withTags(RULE_TAGS)
    .setLegacyMode(page.frames().length === 1)
    .analyze();
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
