import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { restartBackend } from "./harness/backend-control";
import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";

const BEFORE = [
  "Rafael here: I would like to talk to a person about my invoice.",
  "Hi Rafael, I am on it.",
  "Thanks, the invoice number is 4471.",
];

// The backend process stops mid-conversation and starts again on the same data and port; the
// open widget and dashboard reconnect by themselves, and every message is still there.
// Runs last in the suite (see vitest.e2e.config.ts), so no other file sees the restart.
describe("restarting the backend mid-conversation", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  const controlUrl = inject("controlUrl");
  let visitorBrowser: TestBrowser;
  let operatorBrowser: TestBrowser;
  let site: Page;
  let widget: FrameLocator;
  let dashboard: Page;

  const visitorSends = async (text: string) => {
    await widget.getByRole("textbox", { name: "Message", exact: true }).fill(text);
    await widget.getByRole("button", { name: "Send message" }).click();
  };
  // The open conversation's pane (the inbox list beside it previews the last message too).
  const thread = () => dashboard.getByRole("region", { name: "Conversation", exact: true });
  const operatorSends = async (text: string) => {
    await dashboard.getByLabel("Reply").fill(text);
    await dashboard.getByRole("button", { name: "Send" }).click();
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

  it("a visitor and an operator are mid-conversation", async () => {
    await site.goto(urls.demo);
    await site.getByRole("button", { name: /Support chat/ }).click();
    widget = site.frameLocator("#echo-widget-frame");
    await widget.getByLabel("Name").fill("Rafael Restart");
    await widget.getByLabel("Email").fill("rafael@restart.example");
    await widget.getByRole("button", { name: "Continue" }).click();
    await widget.getByRole("button", { name: "Start chat" }).click();
    await visitorSends(BEFORE[0]!);
    await widget.getByText(/a person will reply here soon/).waitFor({ timeout: 30_000 });

    const item = dashboard.getByRole("link", { name: /Rafael Restart/ });
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    await thread().getByRole("heading", { name: "Rafael Restart" }).waitFor();
    await operatorSends(BEFORE[1]!);
    await widget.getByText(BEFORE[1]!).waitFor({ timeout: 30_000 });
    await visitorSends(BEFORE[2]!);
    await thread().getByText(BEFORE[2]!).waitFor({ timeout: 30_000 });
    await screenshot(site, "restart-01-widget-before");
    await screenshot(dashboard, "restart-02-dashboard-before");
  });

  it("the backend stops and starts again on the same data and port", async () => {
    const pageUrls = [site.url(), dashboard.url()];
    await restartBackend(controlUrl);
    // Neither page was reloaded or navigated.
    expect([site.url(), dashboard.url()]).toEqual(pageUrls);
  }, 120_000);

  it("the widget reconnects by itself: its new message reaches the operator", async () => {
    await visitorSends("Rafael again, after the restart.");
    await thread().getByText("Rafael again, after the restart.").waitFor({ timeout: 60_000 });
    await screenshot(dashboard, "restart-03-dashboard-after");
  }, 90_000);

  it("the dashboard reconnects by itself: its reply reaches the visitor", async () => {
    await operatorSends("Operator again, after the restart.");
    await widget.getByText("Operator again, after the restart.").waitFor({ timeout: 60_000 });
    await screenshot(site, "restart-04-widget-after");
  }, 90_000);

  it("no message from before the restart is lost, on either side", async () => {
    for (const text of BEFORE) {
      await widget.getByText(text).waitFor();
      await thread().getByText(text).waitFor();
    }
    // A fresh load reads the same history from the restarted backend's storage.
    await dashboard.reload();
    for (const text of [...BEFORE, "Rafael again, after the restart."]) {
      await thread().getByText(text).waitFor({ timeout: 30_000 });
    }
    await thread().getByText("Operator again, after the restart.").waitFor();
    await screenshot(dashboard, "restart-05-dashboard-reloaded");
  });
});
