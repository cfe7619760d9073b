import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";

// On a phone-sized widget a conversation soon outgrows the screen: new replies keep it at the
// newest line, unless the visitor scrolled up to read; then a control offers the new messages.
describe("the chat follows new replies", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let visitorBrowser: TestBrowser;
  let operatorBrowser: TestBrowser;
  let site: Page;
  let widget: FrameLocator;
  let dashboard: Page;

  /** How far the message list is from its end, in CSS px. */
  const distanceFromBottom = () =>
    widget.getByRole("list", { name: "Messages" }).evaluate((list) => {
      const scroller = list.parentElement!.parentElement!;
      return scroller.scrollHeight - scroller.scrollTop - scroller.clientHeight;
    });

  const reply = async (text: string) => {
    await dashboard.getByLabel("Reply").fill(text);
    await dashboard.getByRole("button", { name: "Send" }).click();
    await widget.getByText(text).waitFor({ timeout: 30_000 });
  };

  beforeAll(async () => {
    [visitorBrowser, operatorBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
    site = await visitorBrowser.newPage();
    await site.setViewportSize({ width: 390, height: 844 });
    dashboard = await operatorBrowser.newPage();
    await signInAsDemoOperator(dashboard, urls.dashboard, demo.login);
  });

  afterAll(async () => {
    await Promise.all([visitorBrowser?.dispose(), operatorBrowser?.dispose()]);
  });

  it("the visitor reaches a person in a conversation longer than the screen", async () => {
    await site.goto(urls.demo);
    await site.getByRole("button", { name: /Support chat/ }).click();
    widget = site.frameLocator("#echo-widget-frame");
    await widget.getByLabel("Name").fill("Sofia Scroll");
    await widget.getByLabel("Email").fill("sofia@scroll.example");
    await widget.getByRole("button", { name: "Continue" }).click();
    await widget.getByRole("button", { name: "Start chat" }).click();
    const composer = widget.getByRole("textbox", { name: "Message", exact: true });
    await composer.fill("I want to talk to a person, please.");
    await widget.getByRole("button", { name: "Send message" }).click();
    await widget.getByText(/a person will reply here soon/).waitFor({ timeout: 30_000 });
    const item = dashboard.getByRole("link", { name: /Sofia Scroll/ });
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    for (let i = 1; i <= 6; i += 1)
      await reply(`Update ${i}: we are still looking into your order and will write again.`);
  });

  it("stays at the newest line while replies arrive", async () => {
    await reply("Update 7: found it, the parcel left the warehouse today.");
    await expect.poll(distanceFromBottom, { timeout: 10_000 }).toBeLessThan(48);
    await expect(widget.getByRole("button", { name: "New messages" }).count()).resolves.toBe(0);
  });

  it("leaves a visitor who scrolled up in place and offers the new messages", async () => {
    await widget
      .getByRole("list", { name: "Messages" })
      .evaluate((list) => list.parentElement!.parentElement!.scrollTo({ top: 0 }));
    await reply("Update 8: the tracking number is NB-4471.");
    const newMessages = widget.getByRole("button", { name: "New messages" });
    await newMessages.waitFor();
    expect(await distanceFromBottom()).toBeGreaterThan(48);
    await screenshot(site, "follows-01-new-messages-phone");
    await newMessages.click();
    await expect.poll(distanceFromBottom, { timeout: 10_000 }).toBeLessThan(48);
    await expect(newMessages.count()).resolves.toBe(0);
  });
});
