import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";

// The whole product from a third-party page: embed → widget → agent → dashboard → widget.
describe("a visitor on a customer's site reaches the AI and then a person", () => {
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

  it("opens the widget from the launcher on the demo page and introduces the visitor", async () => {
    await site.goto(urls.demo);
    await site.getByRole("button", { name: /Support chat/ }).click();
    widget = site.frameLocator("#echo-widget-frame");
    await widget.getByLabel("Name").fill("Paula Prospect");
    await widget.getByLabel("Email").fill("paula@prospect.example");
    await screenshot(site, "journey-01-auth");
    await widget.getByRole("button", { name: "Continue" }).click();
    await widget.getByRole("button", { name: "Start chat" }).click();
    await widget.getByRole("textbox", { name: "Message", exact: true }).waitFor();
  });

  it("gets an answer from the demo knowledge base that names its source", async () => {
    await widget
      .getByRole("textbox", { name: "Message", exact: true })
      .fill("How do I reset my password?");
    await widget.getByRole("button", { name: "Send message" }).click();
    await widget.getByText(/account-security\.md/).waitFor({ timeout: 30_000 });
    await screenshot(site, "journey-02-answer");
  });

  it("asks for a person; the operator sees the conversation escalated, live", async () => {
    await widget
      .getByRole("textbox", { name: "Message", exact: true })
      .fill("I would like to talk to a person, please.");
    await widget.getByRole("button", { name: "Send message" }).click();
    const item = dashboard.getByRole("link", { name: /Paula Prospect/ });
    await item.waitFor({ timeout: 30_000 });
    await item.getByText("Escalated").waitFor({ timeout: 30_000 });
    await item.click();
    await screenshot(dashboard, "journey-03-operator-sees-escalation");
  });

  it("the operator replies and the visitor sees it in the widget", async () => {
    await dashboard.getByLabel("Reply").fill("Hi Paula, a person here. Happy to help!");
    await dashboard.getByRole("button", { name: "Send" }).click();
    await widget.getByText("Hi Paula, a person here. Happy to help!").waitFor({ timeout: 30_000 });
    // Its own bubble, under the operator's name, not a continuation of the assistant's answer.
    await widget
      .locator("span[aria-hidden]", { hasText: "Demo Operator (support team)" })
      .waitFor();
    await screenshot(site, "journey-04-visitor-sees-reply");
  });

  it("the operator resolves and the widget turns read-only", async () => {
    await dashboard.getByRole("button", { name: "Resolve", exact: true }).click();
    await widget.getByText("This conversation has been resolved.").waitFor({ timeout: 30_000 });
    await expect(
      widget.getByRole("button", { name: "Start a new conversation" }).isVisible(),
    ).resolves.toBe(true);
    await screenshot(site, "journey-05-resolved");
  });
});
