import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { deleteKnowledgeFile, uploadKnowledgeFile } from "./harness/knowledge";
import { signInAsDemoOperator } from "./harness/sign-in";
import { serveThirdPartyPage } from "./harness/third-party-page";

const FILE_NAME = "gift-cards.md";
// Hard-wrapped at about 60 characters, as help articles often are: no line is a sentence.
const FILE_TEXT = `# Gift cards

## Buying a gift card

Nimbus gift cards can be bought in amounts of 25, 50 or 100
dollars from the billing page of any workspace. A gift card
never expires and can be redeemed by any Nimbus workspace.

## Refunds

Gift cards cannot be refunded once they have been redeemed by a
workspace, but an unused card can be refunded within 14 days.
`;
const SENTENCE = "A gift card never expires and can be redeemed by any Nimbus workspace.";

describe("an answer from a hard-wrapped file, with a source the visitor can open", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;
  let dashboard: Page;
  let site: Page;
  let widget: FrameLocator;
  let page: Awaited<ReturnType<typeof serveThirdPartyPage>>;

  beforeAll(async () => {
    page = await serveThirdPartyPage({
      title: "Nimbus — Help",
      embedScriptUrl: `${urls.demo}/dist/widget.js`,
      widgetUrl: urls.widget,
      organizationId: demo.organizationId,
      locale: "en",
    });
    browser = await launchBrowser();
    dashboard = await browser.newPage();
    site = await browser.newPage();
    await signInAsDemoOperator(dashboard, urls.dashboard, demo.login, { at: "/en/knowledge-base" });
  });

  afterAll(async () => {
    await page?.close();
    await browser?.dispose();
  });

  it("uploads the hard-wrapped Markdown file in the dashboard", async () => {
    await dashboard.getByRole("heading", { name: "Knowledge base" }).waitFor();
    await uploadKnowledgeFile(dashboard, {
      name: FILE_NAME,
      mimeType: "text/markdown",
      buffer: Buffer.from(FILE_TEXT),
    });
  });

  it("answers in the widget with a whole sentence, a source link and Yes / No", async () => {
    await site.goto(page.url);
    await site.getByRole("button", { name: /Support chat/ }).click();
    widget = site.frameLocator("#echo-widget-frame");
    await widget.getByLabel("Name").fill("Gil Giftcard");
    await widget.getByLabel("Email").fill("gil@giftcard.example");
    await widget.getByRole("button", { name: "Continue" }).click();
    await widget.getByRole("button", { name: "Start chat" }).click();
    await widget
      .getByRole("textbox", { name: "Message", exact: true })
      .fill("Does a Nimbus gift card ever expire?");
    await widget.getByRole("button", { name: "Send message" }).click();
    const check = widget.getByRole("group", { name: "Did that answer your question?" });
    await check.waitFor({ timeout: 30_000 });
    const answer = widget.locator("li").filter({ hasText: "never expires" }).last();
    // The widget reveals a reply word by word; wait for the whole of it.
    await expect.poll(() => answer.textContent(), { timeout: 10_000 }).toContain(SENTENCE);
    await screenshot(site, "answer-links-01-widget");

    const link = answer.getByRole("link", { name: /gift-cards\.md › / });
    const href = await link.getAttribute("href");
    expect(href).toMatch(/^http/);
    const response = await fetch(href!);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html.replace(/\s+/g, " ")).toContain(SENTENCE);

    await check.getByRole("button", { name: "Yes" }).click();
    await widget.getByText("Shall I mark this conversation as resolved?").waitFor({
      timeout: 30_000,
    });
  });

  it("shows the operator what the answer was built from", async () => {
    await dashboard.getByRole("link", { name: "Conversations", exact: true }).click();
    await dashboard
      .getByRole("link", { name: /Gil Giftcard/ })
      .first()
      .click();
    const built = dashboard.getByText(/Built from \d+ passages?/).first();
    await built.waitFor({ timeout: 30_000 });
    await built.click();
    await dashboard
      .getByText(/gift-cards\.md › /)
      .first()
      .waitFor();
    await screenshot(dashboard, "answer-links-02-provenance");
  });

  it("deletes the file", async () => {
    await dashboard.getByRole("link", { name: "Knowledge base", exact: true }).click();
    await deleteKnowledgeFile(dashboard, FILE_NAME);
  });
});
