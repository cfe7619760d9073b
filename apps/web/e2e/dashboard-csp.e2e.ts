import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

// Every screen of the dashboard, under its Content-Security-Policy, with nothing blocked.
describe("the dashboard runs under its Content-Security-Policy", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    // Injected by the browser driver, so the policy does not apply to it.
    await browser.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        (window.cspViolations ??= []).push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it("sends the policy with the page and forbids framing", async () => {
    const response = await page.goto(`${urls.dashboard}/en/sign-in`);
    const policy = (await response!.allHeaders())["content-security-policy"] ?? "";
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
    expect(policy).toContain(new URL(urls.backend).origin);
  });

  it("signs in and opens every screen without a blocked script, style, image or connection", async () => {
    await signInAsDemoOperator(page, urls.dashboard, demo.login);
    for (const screen of [
      "conversations",
      "knowledge-base",
      "customization",
      "integrations",
      "plugins/vapi",
      "team",
      "analytics",
      "billing",
    ]) {
      await page.goto(`${urls.dashboard}/en/${screen}`);
      // Read live over the backend's WebSocket, so connections are allowed.
      await page.getByTestId("organization-name").getByText("Nimbus (demo)").waitFor();
      await page.waitForLoadState("load");
      expect(await page.evaluate(() => window.cspViolations ?? []), screen).toEqual([]);
    }
  });
});
