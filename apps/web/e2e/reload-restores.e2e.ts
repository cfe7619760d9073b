import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";

// A reload, by the visitor or the operator, brings each back to where they were.
describe("reloading restores where the user was", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let visitorBrowser: TestBrowser;
  let operatorBrowser: TestBrowser;
  let site: Page;
  let widget: FrameLocator;
  let dashboard: Page;
  let conversationUrl: string;

  // The open conversation's pane (the contact panel repeats the name).
  const thread = () => dashboard.getByRole("region", { name: "Conversation", exact: true });
  const openWidget = async () => {
    await site.getByRole("button", { name: /Support chat/ }).click();
    widget = site.frameLocator("#echo-widget-frame");
  };

  beforeAll(async () => {
    [visitorBrowser, operatorBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
    site = await visitorBrowser.newPage();
    dashboard = await operatorBrowser.newPage();
    await signInAsDemoOperator(dashboard, urls.dashboard, demo.login);
  });

  afterAll(async () => {
    await Promise.all([visitorBrowser?.dispose(), operatorBrowser?.dispose()]);
  });

  it("a visitor starts a conversation and is handed to a person", async () => {
    await site.goto(urls.demo);
    await openWidget();
    await widget.getByLabel("Name").fill("Rosa Reload");
    await widget.getByLabel("Email").fill("rosa@reload.example");
    await widget.getByRole("button", { name: "Continue" }).click();
    await widget.getByRole("button", { name: "Start chat" }).click();
    const composer = widget.getByRole("textbox", { name: "Message", exact: true });
    await composer.fill("How do I enable two-factor authentication?");
    await widget.getByRole("button", { name: "Send message" }).click();
    await widget.getByText(/account-security\.md/).waitFor({ timeout: 30_000 });
    await composer.fill("I want to talk to a person, please.");
    await widget.getByRole("button", { name: "Send message" }).click();
    await widget.getByText(/a person will reply here soon/).waitFor({ timeout: 30_000 });
    await screenshot(site, "reload-01-widget-before");
  });

  it("reloading the page keeps the visitor's session and reopens their conversation", async () => {
    await site.reload();
    await openWidget();
    // Known visitor, back where they were: no introduction form, the conversation itself.
    await widget.getByText("How do I enable two-factor authentication?").waitFor();
    await widget.getByText("I want to talk to a person, please.").waitFor();
    await widget.getByText(/a person will reply here soon/).waitFor();
    await expect(widget.getByLabel("Name").count()).resolves.toBe(0);
    await screenshot(site, "reload-02-widget-conversation-restored");
  });

  it("the operator filters the inbox and opens the conversation", async () => {
    await dashboard
      .getByRole("group", { name: "Filter by status" })
      .getByRole("button", { name: "Escalated", exact: true })
      .click();
    await dashboard.getByRole("searchbox", { name: "Search conversations" }).fill("Rosa");
    await dashboard.waitForURL(/[?&]q=Rosa/);
    const item = dashboard.getByRole("link", { name: /Rosa Reload/ });
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    await dashboard.waitForURL(/\/en\/conversations\/[^/?]+\?/);
    conversationUrl = dashboard.url();
    expect(new URL(conversationUrl).searchParams.get("status")).toBe("escalated");
    expect(new URL(conversationUrl).searchParams.get("q")).toBe("Rosa");
    await thread().getByRole("heading", { name: "Rosa Reload" }).waitFor();
    await screenshot(dashboard, "reload-04-dashboard-before");
  });

  it("reloading the dashboard reopens that conversation with its filters", async () => {
    await dashboard.reload();
    expect(dashboard.url()).toBe(conversationUrl);
    await thread().getByRole("heading", { name: "Rosa Reload" }).waitFor({ timeout: 30_000 });
    await thread().getByText("I want to talk to a person, please.").waitFor();
    await expect(
      dashboard
        .getByRole("group", { name: "Filter by status" })
        .getByRole("button", { name: "Escalated", exact: true })
        .getAttribute("aria-pressed"),
    ).resolves.toBe("true");
    await expect(
      dashboard.getByRole("searchbox", { name: "Search conversations" }).inputValue(),
    ).resolves.toBe("Rosa");
    await expect(
      dashboard.getByRole("link", { name: /Rosa Reload/ }).getAttribute("aria-current"),
    ).resolves.toBe("page");
    await screenshot(dashboard, "reload-05-dashboard-after-reload");
  });

  it("after both reloads the conversation still works both ways", async () => {
    await dashboard.getByLabel("Reply").fill("Hi Rosa, still here after the reload.");
    await dashboard.getByRole("button", { name: "Send" }).click();
    await widget.getByText("Hi Rosa, still here after the reload.").waitFor({ timeout: 30_000 });
    await screenshot(site, "reload-06-widget-sees-reply");
  });
});
