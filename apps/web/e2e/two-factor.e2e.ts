import { generateSync } from "otplib";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { submitSignUp } from "./harness/sign-in";

const PASSWORD = "two factor password 1";

describe("two-factor sign-in with a TOTP code", () => {
  const { dashboard } = inject("urls");
  const email = `tess-${Date.now()}@example.com`;
  let browser: TestBrowser;
  let page: Page;
  let secret = "";

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it("turns on two-factor authentication with a code from the QR code's secret", async () => {
    await page.goto(`${dashboard}/en/sign-up`);
    await page.getByLabel("Your name").fill("Tess Totp");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await submitSignUp(page);
    await page.waitForURL(`${dashboard}/en/organizations`);
    await page.getByLabel("New organization name").fill("Totp Co");
    await page.getByRole("button", { name: "Create organization" }).click();
    await page.getByTestId("organization-name").getByText("Totp Co").waitFor();

    await page.goto(`${dashboard}/en/settings/security`);
    const card = page.getByRole("region", { name: "Two-factor authentication" });
    await card.getByText("Two-factor authentication is off.").waitFor();
    await card.getByLabel("Current password").fill(PASSWORD);
    await card.getByRole("button", { name: "Turn on two-factor authentication" }).click();
    await card.getByRole("img", { name: /QR code/ }).waitFor();
    secret = (await card.getByTestId("totp-secret").textContent())!.trim();
    await expect(card.getByTestId("recovery-codes").locator("li").count()).resolves.toBe(10);
    await screenshot(page, "two-factor-01-enrol");
    await card.getByLabel("Authentication code").fill(generateSync({ secret }));
    await card.getByRole("button", { name: "Confirm and turn on" }).click();
    await card.getByText("Two-factor authentication is on.").waitFor();
  });

  it("signs in again only with the current code", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${dashboard}/en/sign-in`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    const code = page.getByLabel("Authentication code");
    await code.waitFor();
    await screenshot(page, "two-factor-02-code");

    await code.fill("000000");
    await page.getByRole("button", { name: "Verify" }).click();
    await page.getByText("That code is not right.", { exact: false }).waitFor();

    // A code is not reused from the enrolment's 30-second window: the next window's code, which
    // the server accepts as it allows one window of clock drift, is computed instead of waited for.
    await code.fill(generateSync({ secret, epoch: Math.floor(Date.now() / 1000) + 30 }));
    await page.getByRole("button", { name: "Verify" }).click();
    await page.waitForURL(`${dashboard}/en/conversations`);
    await page.getByTestId("organization-name").getByText("Totp Co").waitFor();
  });
});
