import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot } from "./harness/browser";
import { resultsDir } from "./harness/paths";
import { eventually } from "./harness/visitor";

// The self-hosted provider's organization and password flows in the browser: rename, switch,
// create another, and reset a forgotten password from the link the server logs (no mail server).

describe("organizations and password reset", () => {
  const { dashboard } = inject("urls");
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const email = `orbit-${Date.now()}@example.com`;
  const webLog = join(resultsDir, "logs", process.env.ECHO_E2E_BASE_PORT ?? "4100", "web.log");

  const organizationName = () => page.getByTestId("organization-name");

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it("renames the organization, and the backend learns the new name", async () => {
    await page.goto(`${dashboard}/en/sign-up`);
    await page.getByLabel("Your name").fill("Ola Orbit");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("first password 123");
    await page.getByRole("button", { name: "Sign up" }).click();
    await page.waitForURL(`${dashboard}/en/organizations`);
    await page.getByLabel("New organization name").fill("Orbit One");
    await page.getByRole("button", { name: "Create organization" }).click();
    await organizationName().getByText("Orbit One").waitFor();

    await page.getByRole("link", { name: "Team", exact: true }).click();
    await page.getByLabel("Organization name").fill("Orbit Prime");
    await page.getByRole("button", { name: "Rename" }).click();
    await page.getByText("Organization renamed.").waitFor();
    // The sidebar's name comes from the backend, which heard of the rename by webhook.
    await organizationName().getByText("Orbit Prime").waitFor({ timeout: 15_000 });
    await screenshot(page, "organizations-01-renamed");
  });

  it("creates a second organization and switches between the two", async () => {
    await page.getByRole("link", { name: "Switch organization" }).click();
    await page.waitForURL(`${dashboard}/en/organizations`);
    const list = page.getByRole("list", { name: "Your organizations" });
    await list.getByText("Orbit Prime").waitFor();
    await page.getByLabel("New organization name").fill("Second Orbit");
    await page.getByRole("button", { name: "Create organization" }).click();
    await page.waitForURL(`${dashboard}/en/conversations`);
    await organizationName().getByText("Second Orbit").waitFor();
    await screenshot(page, "organizations-02-second");

    // The switcher marks the organization in use and offers a way back to it.
    await page.getByRole("link", { name: "Switch organization" }).click();
    await page.waitForURL(`${dashboard}/en/organizations`);
    const current = list.getByRole("button", { name: /Second Orbit/ });
    await expect.poll(() => current.getAttribute("aria-current")).toBe("true");
    await expect(current.textContent()).resolves.toContain("Current");
    await expect(
      list.getByRole("button", { name: /Orbit Prime/ }).getAttribute("aria-current"),
    ).resolves.toBeNull();
    await page.getByRole("link", { name: "Back to Second Orbit" }).click();
    await page.waitForURL(`${dashboard}/en/conversations`);
    await organizationName().getByText("Second Orbit").waitFor();

    await page.getByRole("link", { name: "Switch organization" }).click();
    await list.getByText("Orbit Prime").click();
    await page.waitForURL(`${dashboard}/en/conversations`);
    await organizationName().getByText("Orbit Prime").waitFor();
    await expect(list.getByText("Second Orbit").count()).resolves.toBe(0);
  });

  it("resets a forgotten password from the logged link and signs in with the new one", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await page.waitForURL(`${dashboard}/en/sign-in`);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.waitForURL(`${dashboard}/en/forgot-password`);
    // The form submits through the page's script: wait until it has loaded.
    await page.waitForLoadState("networkidle");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByRole("status").getByText("the link is printed in the server log").waitFor();
    await screenshot(page, "organizations-03-reset-requested");

    const link = await eventually(async () => {
      const line = readFileSync(webLog, "utf8")
        .split("\n")
        .find((entry) => entry.includes(`password-reset link for ${email}:`));
      return line?.split(": ").at(-1)?.trim();
    }, 15_000);
    await page.goto(link);
    await page.waitForURL(/\/en\/reset-password\?token=/);
    await page.waitForLoadState("networkidle");
    await page.getByLabel("New password").fill("second password 456");
    await page.getByRole("button", { name: "Save password" }).click();
    await page.waitForURL(`${dashboard}/en/sign-in`);
    await page.waitForLoadState("networkidle");

    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("first password 123");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.getByRole("alert").waitFor();
    await page.getByLabel("Password").fill("second password 456");
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(`${dashboard}/en/conversations`);
    // The organization used last is reopened.
    await organizationName().getByText("Orbit Prime").waitFor();
    await screenshot(page, "organizations-04-signed-in-again");
  });

  it("a sign-in sent before the page's script runs keeps the password out of the address", async () => {
    // A browser of its own: this one is signed in, and the sign-in page would send it on.
    const fresh = await launchBrowser();
    const early = await fresh.newPage();
    try {
      await early.route("**/_next/static/**/*.js", (route) => route.abort());
      await early.goto(`${dashboard}/en/sign-in`);
      await early.getByLabel("Email").fill(email);
      await early.getByLabel("Password").fill("second password 456");
      await Promise.all([
        early.waitForEvent("framenavigated"),
        early.getByRole("button", { name: "Sign in" }).click(),
      ]);
      expect(early.url()).not.toContain("password");
      expect(early.url()).not.toContain("456");
    } finally {
      await fresh.dispose();
    }
  });
});
