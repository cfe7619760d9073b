import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";
import { createVisitor } from "./harness/visitor";

const WIDTH = 375;
const PAGES = [
  "conversations",
  "knowledge-base",
  "customization",
  "integrations",
  "plugins/vapi",
  "analytics",
  "team",
  "billing",
];
// Portuguese labels run longer, so every page is measured in both languages.
const CASES = ["en", "pt-BR"].flatMap((locale) => PAGES.map((path) => ({ locale, path })));

/** How wide the page scrolls, and the elements that stick out past the viewport's right edge. */
async function overflow(page: Page) {
  return await page.evaluate((width) => {
    const scrollWidth = document.scrollingElement!.scrollWidth;
    const wide = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .filter((element) => getComputedStyle(element).visibility !== "hidden")
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 120));
    return { scrollWidth, wide };
  }, WIDTH);
}

describe("the dashboard at 375 px wide", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewportSize({ width: WIDTH, height: 812 });
    await signInAsDemoOperator(page, urls.dashboard, demo.login);
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it.each(CASES)(
    "/$locale/$path fits the width, with no sideways scrolling",
    async ({ locale, path }) => {
      await page.goto(`${urls.dashboard}/${locale}/${path}`);
      await page.locator("main h1").first().waitFor();
      await page.waitForLoadState("networkidle");
      const measured = await overflow(page);
      await screenshot(page, `narrow-${locale}-${path.replace("/", "-")}`);
      expect(measured.scrollWidth, JSON.stringify(measured.wide)).toBeLessThanOrEqual(WIDTH);
    },
  );

  it("moves between sections with the navigation, and can sign out from it", async () => {
    await page.goto(`${urls.dashboard}/en/conversations`);
    const navigation = page.getByRole("navigation", { name: "Main navigation" });
    await navigation.getByRole("link", { name: "Plan and billing" }).click();
    await page.waitForURL(`${urls.dashboard}/en/billing`);
    await navigation.getByRole("link", { name: "Knowledge base" }).click();
    await page.waitForURL(`${urls.dashboard}/en/knowledge-base`);
    await expect(page.getByRole("button", { name: "Sign out" }).isVisible()).resolves.toBe(true);
  });

  it("works the inbox one pane at a time: list, conversation, back", async () => {
    const visitor = await createVisitor(urls, demo.organizationId, "Nadia Narrow");
    await visitor.send("Hello from a phone-sized screen");
    await page.goto(`${urls.dashboard}/en/conversations`);
    const list = page.getByRole("region", { name: "Conversations", exact: true });
    await list.getByRole("link", { name: /Nadia Narrow/ }).click();

    const thread = page.getByRole("region", { name: "Conversation", exact: true });
    await thread.getByRole("heading", { name: "Nadia Narrow" }).waitFor();
    await thread.getByText("Hello from a phone-sized screen").waitFor();
    await expect(list.isVisible()).resolves.toBe(false);
    const reply = page.getByLabel("Reply");
    await reply.scrollIntoViewIfNeeded();
    const box = (await reply.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
    expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(WIDTH);
    await screenshot(page, "narrow-conversation");

    // The contact panel, beside the thread on wide screens, opens as a dialog here.
    await thread.getByRole("button", { name: "Contact" }).click();
    const contact = page.getByRole("dialog", { name: "Contact" });
    await contact.getByText("Session started").waitFor();
    await screenshot(page, "narrow-contact");
    await page.keyboard.press("Escape");
    await contact.waitFor({ state: "detached" });

    await thread.getByRole("link", { name: "Back" }).click();
    await page.waitForURL(`${urls.dashboard}/en/conversations`);
    await list.getByRole("link", { name: /Nadia Narrow/ }).waitFor();
    await expect(thread.count()).resolves.toBe(0);
    await screenshot(page, "narrow-conversations-back");
  });
});
