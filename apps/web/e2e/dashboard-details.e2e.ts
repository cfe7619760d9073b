import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { ConvexHttpClient } from "convex/browser";
import type { Page, Response } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { openFromSidebar } from "./harness/navigation";
import { signInAsDemoOperator } from "./harness/sign-in";
import { createVisitor, eventually, type Visitor } from "./harness/visitor";

describe("dashboard details: shortcuts, contact history, file previews, open now, layout, error tracking", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;
  let page: Page;
  let first: Visitor;
  let second: Visitor;
  let earlierConversation: Id<"conversations">;
  let laterConversation: Id<"conversations">;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await signInAsDemoOperator(page, urls.dashboard, demo.login);
    // The first visitor comes back for a second conversation; the second writes once.
    first = await createVisitor(urls, demo.organizationId, "Kira Keys");
    await first.send("My first question about invoices");
    const client = new ConvexHttpClient(urls.backend, { logger: false });
    earlierConversation = first.conversationId;
    laterConversation = await client.mutation(api.public.conversations.create, {
      contactSessionId: first.contactSessionId,
    });
    await client.mutation(api.public.messages.send, {
      contactSessionId: first.contactSessionId,
      conversationId: laterConversation,
      text: "Back with another question",
    });
    second = await createVisitor(urls, demo.organizationId, "Leo Later");
    await second.send("Hello from Leo");
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it("moves through the inbox and acts on a conversation from the keyboard", async () => {
    // The sign-in landed on the inbox.
    const list = page.getByRole("region", { name: "Conversations", exact: true });
    await list.getByRole("link", { name: /Leo Later/ }).waitFor();
    // Let the assistant's replies land first, so the list keeps its order while keys are pressed.
    await eventually(async () => (await second.messages()).length >= 3);
    await eventually(async () => (await first.messages()).length >= 3);
    const thread = page.getByRole("region", { name: "Conversation", exact: true });
    const names = await list
      .getByRole("link")
      .evaluateAll((links) => links.map((link) => link.querySelector(".truncate")?.textContent));
    const nameAt = (index: number) => names[index]!.replace(/^Unread: /, "");

    // j opens the top conversation, then the next one down; k goes back up.
    await page.keyboard.press("j");
    await thread.getByRole("heading", { name: nameAt(0) }).waitFor();
    await page.keyboard.press("j");
    await thread.getByRole("heading", { name: nameAt(1) }).waitFor();
    await page.keyboard.press("k");
    await thread.getByRole("heading", { name: nameAt(0) }).waitFor();

    // In the list, the arrow keys do the same from the focused conversation.
    await list.getByRole("link").nth(0).focus();
    await page.keyboard.press("ArrowDown");
    await thread.getByRole("heading", { name: nameAt(1) }).waitFor();
    await expect(list.getByRole("link").nth(1).getAttribute("aria-current")).resolves.toBe("page");
    await page.keyboard.press("ArrowUp");
    await thread.getByRole("heading", { name: nameAt(0) }).waitFor();

    // ? lists the shortcuts.
    await page.keyboard.press("?");
    const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await help.getByText("Next conversation").waitFor();
    await screenshot(page, "details-01-shortcuts");
    await page.keyboard.press("Escape");
    await help.waitFor({ state: "detached" });

    // r focuses the reply box; letters typed there stay text, not shortcuts.
    await list.getByRole("link", { name: /Leo Later/ }).click();
    await thread.getByRole("heading", { name: "Leo Later" }).waitFor();
    const status = page.getByTestId("conversation-status");
    await expect(status.textContent()).resolves.toBe("AI handling");
    await page.keyboard.press("r");
    const reply = page.getByLabel("Reply");
    await expect(reply.evaluate((node) => node === document.activeElement)).resolves.toBe(true);
    await page.keyboard.type("e");
    await expect(reply.inputValue()).resolves.toBe("e");
    await expect(status.textContent()).resolves.toBe("AI handling");

    // Outside the field, e escalates and Shift+R resolves.
    await reply.fill("");
    await reply.blur();
    await page.keyboard.press("e");
    await eventually(async () => (await status.textContent()) === "Escalated");
    await expect(second.conversation()).resolves.toMatchObject({ status: "escalated" });
    await page.keyboard.press("Shift+R");
    await eventually(async () => (await status.textContent()) === "Resolved");
    await eventually(async () => (await second.conversation()).status === "resolved");
  });

  it("shows the session's age and the visitor's other conversations, each a link", async () => {
    await page.locator(`a[href^="/en/conversations/${laterConversation}"]`).click();
    await page.waitForURL(new RegExp(`/en/conversations/${laterConversation}`));
    const contact = page.getByRole("region", { name: "Contact", exact: true });
    const age = contact.locator('dt:text-is("Session started") + dd');
    await age.waitFor();
    await expect(age.textContent()).resolves.toMatch(/second|minute|now/);
    const others = contact.getByRole("region", { name: "Other conversations" });
    // Each entry shows the conversation's latest message, which may already be the assistant's.
    const link = others.locator(`a[href*="/conversations/${earlierConversation}"]`);
    await link.waitFor();
    await expect(others.getByRole("link").count()).resolves.toBe(1);
    await screenshot(page, "details-02-contact");
    await link.click();
    await page.waitForURL(new RegExp(`/en/conversations/${earlierConversation}`));
    await others.locator(`a[href*="/conversations/${laterConversation}"]`).waitFor();
  });

  it("previews the text extracted from a knowledge file", async () => {
    await openFromSidebar(page, "Knowledge base", "/en/knowledge-base");
    await page.getByRole("button", { name: "Preview the text of getting-started.md" }).click();
    const dialog = page.getByRole("dialog", { name: "getting-started.md" });
    const text = dialog.getByTestId("knowledge-file-text");
    await text.waitFor();
    await expect(text.textContent()).resolves.toContain("Nimbus is a cloud notebook for teams.");
    await screenshot(page, "details-03-preview");
    await page.keyboard.press("Escape");
  });

  it("counts the conversations open now", async () => {
    await openFromSidebar(page, "Analytics", "/en/analytics");
    const openNow = page.getByTestId("stat-openNow").locator("dd").first();
    await openNow.waitFor();
    const before = Number(await openNow.textContent());
    expect(before).toBeGreaterThanOrEqual(2);
    const visitor = await createVisitor(urls, demo.organizationId, "Omar Open");
    await visitor.send("One more open question");
    await expect
      .poll(async () => Number(await openNow.textContent()), { timeout: 15_000 })
      .toBe(before + 1);
    await screenshot(page, "details-04-open-now");
  });

  it("keeps the sidebar to the viewport's height on a page taller than the viewport", async () => {
    await page.setViewportSize({ width: 1280, height: 600 });
    await openFromSidebar(page, "Widget customization", "/en/customization");
    await page.getByRole("heading", { name: "Widget customization", level: 1 }).waitFor();
    const sizes = () =>
      page.evaluate(() => {
        const sidebar = document.querySelector("aside")!.getBoundingClientRect();
        return {
          page: document.scrollingElement!.scrollHeight,
          viewport: window.innerHeight,
          top: sidebar.top,
          height: sidebar.height,
        };
      });
    const before = await sizes();
    expect(before.page).toBeGreaterThan(before.viewport);
    expect(before.height).toBe(before.viewport);
    await page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
    await expect(sizes()).resolves.toMatchObject({ top: 0, height: before.viewport });
    await expect(page.getByRole("button", { name: "Sign out" }).isVisible()).resolves.toBe(true);
    await screenshot(page, "details-05-sidebar");
  });

  it("loads no Sentry code in the browser when no DSN is set", async () => {
    const scripts: Promise<string>[] = [];
    const listener = (response: Response) => {
      if (response.request().resourceType() === "script") scripts.push(response.text());
    };
    page.on("response", listener);
    await page.goto(`${urls.dashboard}/en/conversations`);
    await page.getByRole("heading", { name: "Conversations", level: 1 }).waitFor();
    await page.waitForLoadState("networkidle");
    page.off("response", listener);
    const bodies = await Promise.all(scripts);
    expect(bodies.length).toBeGreaterThan(3);
    // The SDK keeps its state on a global of this name; only the lazy chunk would bring it.
    expect(bodies.filter((body) => body.includes("__SENTRY__"))).toEqual([]);
    await expect(page.evaluate(() => "__SENTRY__" in globalThis)).resolves.toBe(false);
  });
});
