import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { openFromSidebar } from "./harness/navigation";
import { signInAsDemoOperator } from "./harness/sign-in";
import { eventually } from "./harness/visitor";

// The customer the demo page signs in (scripts/lib/demo-sign-in.mjs).
const CUSTOMER = { name: "Dana Demo", email: "dana.demo@example.com" };

async function signInOnDemoPage(page: Page, demoUrl: string) {
  await page.goto(demoUrl);
  await page.getByRole("button", { name: "Sign in as a demo customer" }).click();
  await page.getByText(`Signed in as ${CUSTOMER.name}`).waitFor();
}

describe("a visitor signed in on the customer's site", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let visitorBrowser: TestBrowser;
  let operatorBrowser: TestBrowser;
  let site: Page;
  let widget: FrameLocator;
  let dashboard: Page;

  beforeAll(async () => {
    [visitorBrowser, operatorBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
    site = await visitorBrowser.newPage();
    dashboard = await operatorBrowser.newPage();
    await signInAsDemoOperator(dashboard, urls.dashboard, demo.login);
  });

  afterAll(async () => {
    await Promise.all([visitorBrowser?.dispose(), operatorBrowser?.dispose()]);
  });

  it("skips the contact form: the widget starts from the signed identity", async () => {
    await signInOnDemoPage(site, urls.demo);
    await site.getByRole("button", { name: /Support chat/ }).click();
    widget = site.frameLocator("#echo-widget-frame");
    await widget.getByRole("button", { name: "Start chat" }).waitFor({ timeout: 30_000 });
    expect(await widget.getByLabel("Name").count()).toBe(0);
    await screenshot(site, "contacts-identity-01-signed-in-widget");
    await widget.getByRole("button", { name: "Start chat" }).click();
    const composer = widget.getByRole("textbox", { name: "Message", exact: true });
    await composer.fill("Hello, I am signed in on your site.");
    await widget.getByRole("button", { name: "Send message" }).click();
    // The box empties as the message leaves; the text then shows in the message list.
    expect(await composer.inputValue()).toBe("");
    await widget
      .getByRole("list", { name: "Messages" })
      .getByText("Hello, I am signed in on your site.")
      .waitFor();
  });

  it("appears under their contact, with the conversation, in the dashboard", async () => {
    await openFromSidebar(dashboard, "Contacts", "/en/contacts");
    await dashboard.getByLabel("Search").fill("Dana");
    await dashboard.getByRole("link", { name: CUSTOMER.name }).click();
    await dashboard.getByRole("heading", { name: CUSTOMER.name, level: 1 }).waitFor();
    await dashboard.getByText(CUSTOMER.email).waitFor();
    const timeline = dashboard.getByRole("region", { name: "Conversations" });
    await eventually(async () => (await timeline.getByRole("link").count()) === 1);
    await screenshot(dashboard, "contacts-identity-02-contact");
  });

  it("keeps the operator's notes on the contact, which they can edit and delete", async () => {
    const notes = dashboard.getByRole("region", { name: "Notes" });
    await notes.getByRole("textbox", { name: "New note" }).fill("Signed in from the demo site.");
    await notes.getByRole("button", { name: "Add note" }).click();
    const note = notes.getByRole("listitem").filter({ hasText: "Signed in from the demo site." });
    await note.getByText(/ · /).waitFor();
    await note.getByRole("button", { name: "Edit" }).click();
    // While edited, the note's text is in its box, so the item is found by the box.
    const editing = notes
      .getByRole("listitem")
      .filter({ has: dashboard.getByRole("textbox", { name: "Note" }) });
    await editing.getByRole("textbox", { name: "Note" }).fill("Signed in; prefers email.");
    await editing.getByRole("button", { name: "Save" }).click();
    const edited = notes.getByRole("listitem").filter({ hasText: "Signed in; prefers email." });
    await edited.getByText(/ · edited$/).waitFor();
    await screenshot(dashboard, "contacts-identity-02b-notes");
    await edited.getByRole("button", { name: "Delete" }).click();
    await notes.getByText("No notes yet.").waitFor();
  });

  it("filters the inbox by the contact's stage, and the panel shows the contact's fields", async () => {
    await dashboard.getByRole("button", { name: "Edit" }).click();
    await dashboard.getByRole("combobox", { name: "Stage" }).click();
    await dashboard.getByRole("option", { name: "Customer" }).click();
    await dashboard.getByRole("button", { name: "Save changes" }).click();
    await dashboard.getByRole("button", { name: "Edit" }).waitFor();

    await openFromSidebar(dashboard, "Conversations", "/en/conversations");
    await dashboard.getByRole("combobox", { name: "Contact stage" }).click();
    await dashboard.getByRole("option", { name: "Customer" }).click();
    await dashboard.waitForURL(/contactStage=customer/);
    const list = dashboard.getByRole("list", { name: "Conversation list" });
    await eventually(async () => (await list.getByRole("link").count()) === 1);
    await list.getByRole("link", { name: new RegExp(CUSTOMER.name) }).waitFor();
    await screenshot(dashboard, "contacts-identity-03-inbox-by-stage");
    await list.getByRole("link", { name: new RegExp(CUSTOMER.name) }).click();
    await dashboard.getByRole("link", { name: "Open contact page" }).waitFor();
    await dashboard.getByText(CUSTOMER.email, { exact: true }).first().waitFor();

    await dashboard.getByRole("combobox", { name: "Contact stage" }).click();
    await dashboard.getByRole("option", { name: "Lead" }).click();
    await dashboard.waitForURL(/contactStage=lead/);
    await dashboard.getByText("No conversation matches these filters.").waitFor();
  });

  it("with a forged signature the visitor is not trusted and sees the contact form", async () => {
    const forgedBrowser = await launchBrowser();
    try {
      const page = await forgedBrowser.newPage();
      // The site's page as rendered for the signed-in customer, with the hash tampered with.
      await page.route(
        (url) => url.href.startsWith(urls.demo) && new URL(url).pathname === "/",
        async (route) => {
          const response = await route.fetch();
          const body = (await response.text()).replace(
            /data-user-hash="[0-9a-f]+"/,
            `data-user-hash="${"0".repeat(64)}"`,
          );
          await route.fulfill({ response, body });
        },
      );
      await signInOnDemoPage(page, urls.demo);
      await page.getByRole("button", { name: /Support chat/ }).click();
      const forged = page.frameLocator("#echo-widget-frame");
      await forged.getByLabel("Name").waitFor({ timeout: 30_000 });
      await screenshot(page, "contacts-identity-04-forged-shows-form");
    } finally {
      await forgedBrowser.dispose();
    }
  });
});
