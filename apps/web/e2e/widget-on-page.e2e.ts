import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";

// How the open widget sits on a customer's page: beside it on a desktop, over it on a phone.
describe("the widget on the page", () => {
  const urls = inject("urls");
  let browser: TestBrowser;
  let page: Page;

  const frameBox = async () => (await page.locator("#echo-widget-frame").boundingBox())!;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it("on a desktop it is a non-modal dialog: Tab goes on from its last control to the page", async () => {
    await page.goto(urls.demo);
    await page.getByRole("button", { name: /Support chat/ }).click();
    const widget = page.frameLocator("#echo-widget-frame");
    await widget.getByRole("dialog").waitFor();
    await expect(widget.getByRole("dialog").getAttribute("aria-modal")).resolves.toBe("false");
    await widget.getByLabel("Name").waitFor();
    expect(await frameBox()).toMatchObject({ width: 400 });
    await screenshot(page, "widget-page-01-desktop");
    // The last control is the form's submit button (an empty form keeps it disabled: start from Email).
    // Focus Email once the widget has hydrated (its own autofocus may otherwise take focus back).
    const email = widget.getByLabel("Email");
    await expect
      .poll(async () => {
        await email.focus();
        return await email.evaluate((element) => element === element.ownerDocument.activeElement);
      })
      .toBe(true);
    const focusedOnPage: string[] = [];
    for (let i = 0; i < 5 && focusedOnPage.length === 0; i += 1) {
      await page.keyboard.press("Tab");
      const active = await page.evaluate(() => {
        const element = document.activeElement;
        return element && element !== document.body && element.id !== "echo-widget-frame"
          ? `${element.tagName.toLowerCase()} ${element.getAttribute("aria-label") ?? element.textContent}`
          : null;
      });
      if (active) focusedOnPage.push(active);
    }
    // Leaving past the widget's end reaches the launcher, which follows it on the page.
    expect(focusedOnPage).toEqual([expect.stringMatching(/^button Support chat/)]);
  });

  it("on a phone it opens full screen, with the composer on screen", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await page.getByRole("button", { name: /Support chat/ }).click();
    const widget = page.frameLocator("#echo-widget-frame");
    await widget.getByLabel("Name").waitFor();
    expect(await frameBox()).toEqual({ x: 0, y: 0, width: 390, height: 844 });
    await screenshot(page, "widget-page-02-phone");
    await widget.getByRole("button", { name: "Close support chat" }).click();
    await page.locator("#echo-widget-frame").waitFor({ state: "hidden" });
  });
});
