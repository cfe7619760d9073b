import type { Frame, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { waitForConversation } from "./harness/conversation";
import { signInAsDemoOperator } from "./harness/sign-in";
import { createVisitor, eventually } from "./harness/visitor";

/** The focused element as "tag name", its accessible name read from label, aria-label or text. */
function describeFocus(target: Page | Frame) {
  return target.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "body";
    const labelled = element.id
      ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent
      : null;
    const name =
      element.getAttribute("aria-label") ?? labelled ?? element.textContent?.trim() ?? "";
    return `${element.tagName.toLowerCase()} ${name}`.trim();
  });
}

/** Presses `key` until the focus matches, at most `limit` times; returns what has the focus. */
async function pressUntil(page: Page, key: string, matches: RegExp, target: Page | Frame = page) {
  const seen: string[] = [];
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press(key);
    const focus = await describeFocus(target);
    if (matches.test(focus)) return focus;
    seen.push(focus);
  }
  throw new Error(`${key} never reached ${matches}; focus went: ${seen.join(" → ")}`);
}

describe("keyboard only", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it("a visitor opens the launcher, fills the form, sends, and closes with Escape", async () => {
    const page = await browser.newPage();
    await page.goto(urls.demo);
    await page.getByRole("button", { name: /Support chat/ }).waitFor();
    await pressUntil(page, "Tab", /^button Support chat/);
    await page.keyboard.press("Enter");
    const frame = await eventually(async () =>
      page.frames().find((candidate) => candidate.url().includes("organizationId=")),
    );
    // Opening puts the focus in the form's first field.
    await frame.getByLabel("Name", { exact: true }).waitFor();
    await eventually(async () => (await describeFocus(frame)) === "input Name");
    await page.keyboard.type("Kim Keys");
    await page.keyboard.press("Tab");
    expect(await describeFocus(frame)).toBe("input Email");
    await page.keyboard.type("kim@keys.example");
    await page.keyboard.press("Enter");
    // The choices take the focus on their first action.
    await frame.getByRole("button", { name: "Start chat" }).waitFor();
    await eventually(async () => /^button Start chat/.test(await describeFocus(frame)));
    await page.keyboard.press("Enter");
    await frame.getByRole("textbox", { name: "Message", exact: true }).waitFor();
    await eventually(async () => (await describeFocus(frame)) === "textarea Message");
    await page.keyboard.type("How do I reset my password?");
    await page.keyboard.press("Enter");
    // The sent message, after the suggestion that may say the same.
    await frame.getByText("How do I reset my password?").last().waitFor();
    await frame.getByText(/account-security\.md/).waitFor({ timeout: 30_000 });
    await screenshot(page, "keyboard-01-visitor-sent");
    await page.keyboard.press("Escape");
    await page.locator("#echo-widget-frame").waitFor({ state: "hidden" });
    // Closing hands the focus back to the launcher that opened it.
    expect(await describeFocus(page)).toMatch(/^button Support chat/);
  });

  it("an operator opens a conversation, replies and resolves it", async () => {
    const visitor = await createVisitor(urls, demo.organizationId, "Kai Keyboard");
    await visitor.send("Hello! I would like to talk to a person, please.");
    await eventually(async () => (await visitor.conversation()).status === "escalated");
    const page = await browser.newPage();
    await signInAsDemoOperator(page, urls.dashboard, demo.login);
    await page.getByRole("link", { name: /Kai Keyboard/ }).waitFor();
    await pressUntil(page, "Tab", /^a .*Kai Keyboard/);
    await page.keyboard.press("Enter");
    await page.waitForURL(`${urls.dashboard}/en/conversations/${visitor.conversationId}`);
    const thread = await waitForConversation(page, "Kai Keyboard");
    // "r" goes to the reply box from anywhere on the page.
    await page.keyboard.press("r");
    expect(await describeFocus(page)).toBe("textarea Reply");
    await page.keyboard.type("Hi Kai, a person here.");
    await page.keyboard.press("Control+Enter");
    await thread
      .locator('article[data-author="operator"]')
      .getByText("Hi Kai, a person here.")
      .waitFor();
    expect(await describeFocus(page)).toBe("textarea Reply");
    await pressUntil(page, "Shift+Tab", /^button Resolve/);
    await page.keyboard.press("Enter");
    await page.getByTestId("conversation-status").getByText("Resolved", { exact: true }).waitFor();
    // The button that replaced Resolve keeps the focus, so the keyboard is not sent to the top.
    await eventually(async () => /^button Reopen/.test(await describeFocus(page)));
    await eventually(async () => (await visitor.conversation()).status === "resolved");
    await screenshot(page, "keyboard-02-operator-resolved");
  });
});
