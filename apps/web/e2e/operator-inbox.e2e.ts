import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { waitForConversation } from "./harness/conversation";
import { signInAsDemoOperator } from "./harness/sign-in";
import { createVisitor, eventually, type Visitor } from "./harness/visitor";

const REPLY =
  "Hi Vera, Olivia here. See **Kindle export** in the [guide](https://example.com/guide).";

describe("an operator works a visitor's conversation live", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;
  let page: Page;
  let visitor: Visitor;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it("signs in with the demo login the sign-in page shows", async () => {
    await page.goto(`${urls.dashboard}/en/sign-in`);
    const hint = await page.getByTestId("demo-login").textContent();
    expect(hint).toContain(`${demo.login.email} / ${demo.login.password}`);
    await signInAsDemoOperator(page, urls.dashboard, demo.login, { fresh: true });
    // The organization's name comes from the backend, so the operator's token was accepted.
    await expect(page.getByTestId("organization-name").textContent()).resolves.toBe(
      "Nimbus (demo)",
    );
  });

  it("sees a new conversation appear and get escalated without reloading", async () => {
    visitor = await createVisitor(urls, demo.organizationId, "Vera Visitor");
    await visitor.send("Hello! I would like to talk to a person, please.");
    const item = page.getByRole("link", { name: /Vera Visitor/ });
    await item.waitFor();
    await eventually(async () => (await visitor.conversation()).status === "escalated");
    await page.getByRole("button", { name: "Escalated", exact: true }).click();
    await item.waitFor();
    await screenshot(page, "inbox-01-escalated");
  });

  it("replies, and the visitor receives the reply", async () => {
    await page.getByRole("link", { name: /Vera Visitor/ }).click();
    const thread = await waitForConversation(page, "Vera Visitor");
    // The AI already handed this one to a person; a desktop keyboard has Ctrl+Enter.
    await expect(
      page.getByText("Replying hands the conversation to a person.").count(),
    ).resolves.toBe(0);
    await expect(page.getByText("Ctrl+Enter to send").isVisible()).resolves.toBe(true);
    await page.getByLabel("Reply").fill(REPLY);
    await page.getByRole("button", { name: "Send" }).click();
    await thread
      .locator('article[data-author="operator"]')
      .getByText("Hi Vera, Olivia here.", { exact: false })
      .waitFor();
    // Markdown renders as the widget renders it; the inbox preview shows its plain words.
    const reply = thread.locator('article[data-author="operator"]');
    await expect(reply.locator("strong").textContent()).resolves.toBe("Kindle export");
    await expect(reply.getByRole("link", { name: "guide" }).getAttribute("href")).resolves.toBe(
      "https://example.com/guide",
    );
    await expect(reply.textContent()).resolves.not.toContain("**");
    const preview = page.getByRole("link", { name: /Vera Visitor/ });
    await eventually(async () =>
      ((await preview.textContent()) ?? "").includes(
        "Hi Vera, Olivia here. See Kindle export in the guide.",
      ),
    );
    const authors = await thread
      .locator("article[data-author]")
      .evaluateAll((articles) => articles.map((article) => article.getAttribute("data-author")));
    expect(authors).toEqual(["agent", "contact", "agent", "operator"]);
    const messages = await eventually(async () => {
      const all = await visitor.messages();
      return all.some((message) => message.author === "operator") && all;
    });
    expect(messages.find((message) => message.author === "operator")?.text).toBe(REPLY);
    await screenshot(page, "inbox-02-replied");
  });

  it("resolves the conversation, which the visitor then sees resolved", async () => {
    await page.getByRole("button", { name: "Resolve", exact: true }).click();
    await page.getByText("This conversation is resolved. Reopen it to reply.").waitFor();
    await expect(page.getByTestId("conversation-status").textContent()).resolves.toBe("Resolved");
    await eventually(async () => (await visitor.conversation()).status === "resolved");
    await expect(visitor.send("One more thing")).rejects.toThrow(/CONVERSATION_RESOLVED|resolved/);
    await screenshot(page, "inbox-03-resolved");
  });
});
