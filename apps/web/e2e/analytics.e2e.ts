import { afterAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";
import { createVisitor, eventually } from "./harness/visitor";

describe("analytics", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser | undefined;

  afterAll(async () => {
    await browser?.dispose();
  });

  it("counts a conversation the AI resolved, live", async () => {
    browser = await launchBrowser();
    const page = await browser.newPage();
    await signInAsDemoOperator(page, urls.dashboard, demo.login);
    await page.getByRole("link", { name: "Analytics" }).click();
    const conversations = page.getByTestId("stat-conversations").locator("dd");
    await conversations.waitFor();
    const before = Number(await conversations.textContent());

    const visitor = await createVisitor(urls, demo.organizationId, "Andy Analytics");
    await visitor.send("Thanks, that's all!");
    await eventually(async () => (await visitor.conversation()).status === "resolved");

    await expect.poll(async () => Number(await conversations.textContent())).toBe(before + 1);
    await expect(
      page.getByTestId("stat-aiResolutionRate").locator("dd").textContent(),
    ).resolves.toMatch(/^\d+%$/);
    await screenshot(page, "analytics-01");
  });
});
