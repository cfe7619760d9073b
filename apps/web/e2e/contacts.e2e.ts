import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";
import { createVisitor, eventually } from "./harness/visitor";

// Visitors named alike get the same email from the harness, so both sessions join one contact.
const NAME = "Cora Contact";

describe("an operator opens a contact and sees its conversations", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await signInAsDemoOperator(page, urls.dashboard, demo.login, { at: "/en/contacts" });
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it("finds the visitor under Contacts, with both visits' conversations on the contact page", async () => {
    const first = await createVisitor(urls, demo.organizationId, NAME);
    await first.send("My first question about exports");
    const second = await createVisitor(urls, demo.organizationId, NAME);
    await second.send("Back again about invoices");
    await eventually(async () => (await second.messages()).some((m) => m.author === "agent"));

    await page.getByLabel("Search").fill("Cora");
    const link = page.getByRole("link", { name: NAME });
    // The search narrows the table to the one contact both visits joined.
    await eventually(async () => (await page.locator("tbody tr").count()) === 1);
    await link.waitFor();
    await screenshot(page, "contacts-01-list");
    await link.click();
    await page.getByRole("heading", { name: NAME }).waitFor();
    const timeline = page.getByRole("region", { name: "Conversations" });
    // Both visits' conversations, each shown with its latest message (the agent's answer).
    await eventually(async () => (await timeline.getByRole("link").count()) === 2);
    await screenshot(page, "contacts-02-contact");

    // From the timeline to the conversation, whose panel links back to the contact.
    await timeline.getByRole("link").first().click();
    await page.getByRole("link", { name: "Open contact page" }).click();
    await page.waitForURL(/\/en\/contacts\/.+/);
    await page.getByRole("heading", { name: NAME, level: 1 }).waitFor();
  });

  it("reads the same in pt-BR and on a phone", async () => {
    await page.goto(`${urls.dashboard}/pt-BR/contacts`);
    await page.getByRole("heading", { name: "Contatos" }).waitFor();
    await page.getByRole("link", { name: NAME }).waitFor();
    await screenshot(page, "contacts-03-list-pt-br");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole("link", { name: NAME }).click();
    await page.getByRole("heading", { name: "Conversas" }).waitFor();
    await screenshot(page, "contacts-04-contact-pt-br-phone");
  });

  it("lets the admin generate the identity-verification secret, shown once", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto(`${urls.dashboard}/en/integrations`);
    const card = page.getByRole("region", { name: "Identity verification" });
    await card.getByRole("button", { name: /Generate secret|Replace secret/ }).click();
    const secretCode = card.getByTestId("identity-secret");
    await secretCode.waitFor();
    const secret = await secretCode.textContent();
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await screenshot(page, "contacts-05-identity-secret");
    await page.reload();
    await card.getByText(/A secret has been in use since/).waitFor();
    await expect(page.getByText(secret!).count()).resolves.toBe(0);
  });
});
