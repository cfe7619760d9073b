import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";

describe("integrations", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;
  // Both tests read the one Integrations screen.
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await signInAsDemoOperator(page, urls.dashboard, demo.login, { at: "/en/integrations" });
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it("shows an embed snippet with the organization and this deployment's URLs", async () => {
    const snippet = page.getByTestId("embed-snippet");
    await snippet.waitFor();
    const html = await snippet.textContent();
    expect(html).toContain(`data-organization-id="${demo.organizationId}"`);
    expect(html).toContain(`src="${urls.demo}/dist/widget.js"`);
    expect(html).toContain(`data-widget-url="${urls.widget}"`);
    // The start script configures every public URL, so nothing is a local default.
    await expect(page.getByTestId("snippet-urls-unset").count()).resolves.toBe(0);
    await expect(page.getByTestId("deployment-url-widget").textContent()).resolves.toContain(
      `${urls.widget} (from ECHO_WIDGET_URL)`,
    );
    await expect(page.getByTestId("deployment-url-site").textContent()).resolves.toContain(
      `${urls.site} (from ECHO_CONVEX_SITE_URL)`,
    );

    await page.getByRole("tab", { name: "Next.js" }).click();
    await expect(snippet.textContent()).resolves.toContain('import Script from "next/script"');
  });

  it("says whether the widget has been seen on the organization's site, and where", async () => {
    const seen = page.getByRole("region", { name: "Seen on your site" });
    await seen.waitFor();
    // A visitor opens the widget on the demo page and introduces themselves.
    const site = await browser.newPage();
    await site.goto(urls.demo);
    await site.getByRole("button", { name: /Support chat/ }).click();
    const widget = site.frameLocator("#echo-widget-frame");
    await widget.getByLabel("Name").fill("Sid Sighting");
    await widget.getByLabel("Email").fill("sid@sighting.example");
    await widget.getByRole("button", { name: "Continue" }).click();
    await widget.getByRole("button", { name: "Start chat" }).waitFor();

    const demoHost = new URL(urls.demo).host;
    const row = seen.getByRole("listitem").filter({ hasText: demoHost });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Last seen .*(now|seconds? ago|minutes? ago)/);
    await screenshot(page, "integrations-02-seen");
  });
});
