import type { FrameLocator, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";

// The launcher on a customer's page: no widget until asked for, and a reply that arrives while the
// widget is closed waits on the launcher as a count, on this page view and the next.
describe("the launcher counts replies the visitor has not seen", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let visitorBrowser: TestBrowser;
  let operatorBrowser: TestBrowser;
  let site: Page;
  let widget: FrameLocator;
  let dashboard: Page;
  let widgetRequests: string[] = [];
  let sockets: string[] = [];

  const launcher = () => site.getByRole("button", { name: /Support chat/ });
  const frames = () => site.locator("#echo-widget-frame").count();

  beforeAll(async () => {
    [visitorBrowser, operatorBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
    site = await visitorBrowser.newPage();
    site.on("request", (request: Request) => {
      if (request.url().startsWith(urls.widget)) widgetRequests.push(request.url());
    });
    site.on("websocket", (socket) => sockets.push(socket.url()));
    dashboard = await operatorBrowser.newPage();
    await signInAsDemoOperator(dashboard, urls.dashboard, demo.login);
  });

  afterAll(async () => {
    await Promise.all([visitorBrowser?.dispose(), operatorBrowser?.dispose()]);
  });

  it("shows the launcher from its settings without loading the widget or opening a connection", async () => {
    await site.goto(urls.demo);
    await launcher().waitFor();
    await site.waitForLoadState("networkidle");
    expect(await frames()).toBe(0);
    expect(sockets).toEqual([]);
    expect(widgetRequests.map((url) => new URL(url).searchParams.has("launcher"))).toEqual([true]);
    await expect(launcher().getAttribute("aria-label")).resolves.toBe("Support chat");
  });

  it("the visitor asks for a person, then closes the widget on the chat screen", async () => {
    await launcher().click();
    widget = site.frameLocator("#echo-widget-frame");
    await widget.getByLabel("Name").fill("Uma Unread");
    await widget.getByLabel("Email").fill("uma@unread.example");
    await widget.getByRole("button", { name: "Continue" }).click();
    await widget.getByRole("button", { name: "Start chat" }).click();
    await widget
      .getByRole("textbox", { name: "Message", exact: true })
      .fill("I want to talk to a person, please.");
    await widget.getByRole("button", { name: "Send message" }).click();
    await widget.getByText(/a person will reply here soon/).waitFor({ timeout: 30_000 });
    await widget.getByRole("button", { name: "Close support chat" }).click();
    await site.locator("#echo-widget-frame").waitFor({ state: "hidden" });
  });

  it("a reply while the widget is closed shows as a count on the launcher", async () => {
    const item = dashboard.getByRole("link", { name: /Uma Unread/ });
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    await dashboard.getByLabel("Reply").fill("Hi Uma, a person here.");
    await dashboard.getByRole("button", { name: "Send" }).click();
    await site.getByRole("button", { name: "Support chat (1)" }).waitFor({ timeout: 30_000 });
    await screenshot(site, "unread-01-badge-while-closed");
  });

  it("after a reload the count is still there, before the widget loads", async () => {
    widgetRequests = [];
    sockets = [];
    await site.reload();
    await site.getByRole("button", { name: "Support chat (1)" }).waitFor({ timeout: 30_000 });
    expect(await frames()).toBe(0);
    expect(sockets).toEqual([]);
    const settingsRequest = new URL(widgetRequests[0]!);
    // The host page holds an opaque unread token, never the contact session.
    expect(settingsRequest.searchParams.get("launcher")).toMatch(/^[\w-]{24}$/);
    expect(await site.evaluate(() => JSON.stringify(localStorage))).not.toContain("contactSession");
    await screenshot(site, "unread-02-badge-after-reload");
  });

  it("opening the widget returns to the conversation and reads the reply", async () => {
    await launcher().click();
    widget = site.frameLocator("#echo-widget-frame");
    await widget.getByText("Hi Uma, a person here.").waitFor({ timeout: 30_000 });
    await site.getByRole("button", { name: "Support chat", exact: true }).waitFor({
      timeout: 30_000,
    });
    await screenshot(site, "unread-03-read-on-open");
  });
});
