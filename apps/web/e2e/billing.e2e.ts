import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";

describe("billing in self-hosted mode", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;
  // Both tests read the one billing screen; the budget is changed last.
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await signInAsDemoOperator(page, urls.dashboard, demo.login, { at: "/en/billing" });
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it("says every feature is included instead of offering plans", async () => {
    await expect(page.getByTestId("billing-self-hosted").textContent()).resolves.toContain(
      "Self-hosted: all features included.",
    );
  });

  it("shows today's AI use against the daily budget, and keeps the budget an admin sets", async () => {
    const replies = page.getByTestId("ai-usage-agentTurns");
    await expect(replies.textContent()).resolves.toMatch(/\d+ of 500/);
    // Higher than the default, so the other files sharing this stack are never refused.
    await page.getByLabel("Assistant replies per day").fill("750");
    await page.getByRole("button", { name: "Save budget" }).click();
    await page.getByRole("status").getByText("Budget saved.").waitFor();
    await page.reload();
    await replies.getByText(/\d+ of 750/).waitFor();
    await expect(page.getByLabel("Assistant replies per day").inputValue()).resolves.toBe("750");
  });
});
