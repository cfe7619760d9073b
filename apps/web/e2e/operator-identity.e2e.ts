import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot } from "./harness/browser";

describe("operator identity in the dashboard", () => {
  const { dashboard } = inject("urls");
  let browser: Awaited<ReturnType<typeof launchBrowser>>;
  let page: Page;
  const email = `owner-${Date.now()}@example.com`;
  const password = "a long enough password";

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it("sends a signed-out visitor of the dashboard to sign in", async () => {
    await page.goto(`${dashboard}/en/conversations`);
    await page.waitForURL(`${dashboard}/en/sign-in`);
    await expect(page.getByRole("heading", { name: "Sign in to Echo" }).isVisible()).resolves.toBe(
      true,
    );
    await screenshot(page, "identity-01-sign-in");
  });

  it("signs up, creates an organization and lands in the inbox", async () => {
    await page.getByRole("link", { name: "Sign up" }).click();
    await page.waitForURL(`${dashboard}/en/sign-up`);
    await page.getByLabel("Your name").fill("Olivia Owner");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign up" }).click();

    await page.waitForURL(`${dashboard}/en/organizations`);
    await page.getByLabel("New organization name").fill("Acme Support");
    await screenshot(page, "identity-02-organizations");
    await page.getByRole("button", { name: "Create organization" }).click();

    await page.waitForURL(`${dashboard}/en/conversations`);
    await page.getByRole("heading", { name: "Conversations" }).waitFor();
    await expect(page.getByText("Olivia Owner").isVisible()).resolves.toBe(true);
    // The backend learned about the new organization through the signed identity webhook.
    await page.getByTestId("organization-name").getByText("Acme Support").waitFor();
    await screenshot(page, "identity-03-inbox");
  });

  it("switches the dashboard to Portuguese", async () => {
    await page.getByLabel("Language").selectOption("pt-BR");
    await page.waitForURL(`${dashboard}/pt-BR/conversations`);
    await page.getByRole("heading", { name: "Conversas" }).waitFor();
    await screenshot(page, "identity-04-inbox-pt-BR");
  });

  it("signs out and back in, keeping the chosen organization", async () => {
    await page.getByRole("button", { name: "Sair" }).click();
    await page.waitForURL(`${dashboard}/pt-BR/sign-in`);
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Senha").fill("not the password");
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.getByText("E-mail ou senha incorretos.").waitFor();

    await page.getByLabel("Senha").fill(password);
    await page.getByRole("button", { name: "Entrar" }).click();
    await page.waitForURL(`${dashboard}/pt-BR/conversations`);
    await page.getByRole("heading", { name: "Conversas" }).waitFor();
  });
});
