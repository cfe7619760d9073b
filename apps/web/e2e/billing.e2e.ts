import { afterAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";

describe("billing in self-hosted mode", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser | undefined;

  afterAll(async () => {
    await browser?.dispose();
  });

  it("says every feature is included instead of offering plans", async () => {
    browser = await launchBrowser();
    const page = await browser.newPage();
    await signInAsDemoOperator(page, urls.dashboard, demo.login);
    await page.getByRole("link", { name: "Plan and billing" }).click();
    await expect(page.getByTestId("billing-self-hosted").textContent()).resolves.toContain(
      "Self-hosted: all features included.",
    );
  });
});
