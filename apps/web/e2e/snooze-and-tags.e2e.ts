import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { waitForConversation } from "./harness/conversation";
import { chooseLanguage, openFromSidebar } from "./harness/navigation";
import { signInAsDemoOperator } from "./harness/sign-in";
import { createVisitor, eventually, type Visitor } from "./harness/visitor";

/** The first whole second at least 20 s away, as the browser's `datetime-local` input writes it. */
async function soonInBrowser(page: Page) {
  return await page.evaluate(() => {
    const at = new Date(Date.now() + 20_000);
    if (at.getMilliseconds()) at.setSeconds(at.getSeconds() + 1, 0);
    const pad = (n: number) => String(n).padStart(2, "0");
    return {
      value: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`,
      at: at.getTime(),
    };
  });
}

async function choose(page: Page, trigger: string, option: string) {
  await page.getByRole("combobox", { name: trigger, exact: true }).click();
  await page.getByRole("option", { name: option, exact: true }).click();
}

describe("an operator tags, prioritizes and snoozes a conversation", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;
  let page: Page;
  let visitor: Visitor;
  const tagName = `Billing ${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await signInAsDemoOperator(page, urls.dashboard, demo.login, { at: "/en/settings/tags" });
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it("an admin adds a tag in Settings › Tags", async () => {
    await page.getByRole("heading", { name: "Tags" }).waitFor();
    await page.getByPlaceholder("Name").fill(tagName);
    await page.getByRole("radio", { name: "Red" }).click();
    await page.getByRole("button", { name: "Add tag" }).click();
    await page.getByRole("status").getByText(`Tag ${tagName} added.`).waitFor();
    await page.getByRole("list", { name: "Tags" }).getByText(tagName).waitFor();
    await screenshot(page, "triage-01-tags-settings");
  });

  it("puts the tag and a priority on a visitor's conversation; the inbox filters by both", async () => {
    visitor = await createVisitor(urls, demo.organizationId, "Sonia Snooze");
    await visitor.send("My invoice for November is missing.");
    await openFromSidebar(page, "Conversations", "/en/conversations");
    await page.getByRole("link", { name: /Sonia Snooze/ }).click();
    await waitForConversation(page, "Sonia Snooze");
    await choose(page, "Priority", "Urgent");
    await choose(page, "Add tag", tagName);
    const triage = page.getByTestId("conversation-triage");
    await triage.getByTestId("tag-chip").getByText(tagName).waitFor();
    const item = page.getByRole("link", { name: /Sonia Snooze/ });
    await item.getByText(tagName).waitFor();
    await choose(page, "Filter by tag", tagName);
    await page.waitForURL(/tag=/);
    const list = page.getByRole("list", { name: "Conversation list" });
    await eventually(async () => (await list.getByRole("link").count()) === 1);
    await list.getByRole("link", { name: /Sonia Snooze/ }).waitFor();
    await choose(page, "Filter by tag", "Any tag");
    await choose(page, "Filter by priority", "Urgent");
    await item.waitFor();
    await choose(page, "Filter by priority", "Low");
    await page.getByText("No conversation matches these filters.").waitFor();
    await choose(page, "Filter by priority", "Any priority");
    await screenshot(page, "triage-02-tagged");
  });

  it("snoozed until a time, it leaves the inbox and comes back by itself at that time", async () => {
    await choose(page, "Snooze", "Pick a date and time…");
    const { value, at } = await soonInBrowser(page);
    await page.getByLabel("Date and time").fill(value);
    await screenshot(page, "triage-03-pick-time");
    await page.getByRole("dialog").getByRole("button", { name: "Snooze" }).click();
    await page.getByTestId("snoozed-notice").waitFor();
    const item = page.getByRole("link", { name: /Sonia Snooze/ });
    await item.waitFor({ state: "detached" });
    await page.getByRole("button", { name: "Snoozed", exact: true }).click();
    await item.waitFor();
    await screenshot(page, "triage-04-snoozed");
    await page.getByRole("button", { name: "Snoozed", exact: true }).click();
    await item.waitFor({ state: "detached" });
    // Back without a reload, once the scheduler reaches the chosen second.
    await item.waitFor({ timeout: at - Date.now() + 30_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(at - 2_000);
    await page.getByTestId("snoozed-notice").waitFor({ state: "detached" });
    await screenshot(page, "triage-05-back");
  }, 180_000);

  it("snoozed until the visitor replies, it comes back when the visitor writes", async () => {
    await choose(page, "Snooze", "Until the visitor replies");
    await page.getByText("Snoozed until the visitor replies").waitFor();
    const item = page.getByRole("link", { name: /Sonia Snooze/ });
    await item.waitFor({ state: "detached" });
    await visitor.send("Any news?");
    await item.waitFor();
    await eventually(async () => (await page.getByTestId("snoozed-notice").count()) === 0);
  });

  it("reads the same in Portuguese and on a phone", async () => {
    const conversation = page
      .url()
      .replace(/^.*\/conversations\//, "")
      .replace(/\?.*$/, "");
    await chooseLanguage(page, "pt-BR");
    await page.waitForURL(`${urls.dashboard}/pt-BR/conversations/${conversation}`);
    await page.getByTestId("priority-select").getByText("Urgente").waitFor();
    await page.getByRole("combobox", { name: "Filtrar por etiqueta" }).waitFor();
    await screenshot(page, "triage-06-pt-BR");
    await choose(page, "Adiar", "Escolher data e hora…");
    await page.getByLabel("Data e hora").waitFor();
    await screenshot(page, "triage-07-pick-time-pt-BR");
    await page.keyboard.press("Escape");
    await page.goto(`${urls.dashboard}/pt-BR/settings/tags`);
    await page.getByRole("heading", { name: "Etiquetas" }).waitFor();
    await screenshot(page, "triage-08-tags-settings-pt-BR");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "triage-09-tags-settings-phone-pt-BR");
    await page.goto(`${urls.dashboard}/en/conversations/${conversation}`);
    await page.getByTestId("conversation-triage").waitFor();
    await screenshot(page, "triage-10-conversation-phone");
    await choose(page, "Snooze", "Pick a date and time…");
    await page.getByLabel("Date and time").waitFor();
    await screenshot(page, "triage-11-pick-time-phone");
    await page.keyboard.press("Escape");
    await page.goto(`${urls.dashboard}/en/conversations?priority=urgent`);
    await page.getByRole("link", { name: /Sonia Snooze/ }).waitFor();
    await screenshot(page, "triage-12-inbox-phone");
  });
});
