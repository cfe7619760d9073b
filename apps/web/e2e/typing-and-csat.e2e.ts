import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";

// Each side sees the other typing and what the other has read; once the operator resolves the
// conversation the visitor rates it, and the rating shows in Analytics, also under the operator.
describe("typing, seen and a rating after resolution", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  const comment = "Tia liked how quickly the team answered";
  let operatorBrowser: TestBrowser;
  let visitorBrowser: TestBrowser;
  let operator: Page;
  let site: Page;
  let widget: FrameLocator;

  beforeAll(async () => {
    [operatorBrowser, visitorBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
    operator = await operatorBrowser.newPage();
    site = await visitorBrowser.newPage();
    await signInAsDemoOperator(operator, urls.dashboard, demo.login);
  });

  afterAll(async () => {
    await Promise.all([operatorBrowser?.dispose(), visitorBrowser?.dispose()]);
  });

  it("the visitor asks for a person and the operator opens the conversation", async () => {
    await site.goto(urls.demo);
    await site.getByRole("button", { name: /Support chat/ }).click();
    widget = site.frameLocator("#echo-widget-frame");
    await widget.getByLabel("Name").fill("Tia Typing");
    await widget.getByLabel("Email").fill("tia@typing.example");
    await widget.getByRole("button", { name: "Continue" }).click();
    await widget.getByRole("button", { name: "Start chat" }).click();
    await widget
      .getByRole("textbox", { name: "Message", exact: true })
      .fill("I would like to talk to a person about my order, please.");
    await widget.getByRole("button", { name: "Send message" }).click();
    await widget.getByText(/a person will reply here soon/).waitFor({ timeout: 30_000 });

    await operator.getByRole("link", { name: "Conversations", exact: true }).click();
    const item = operator.getByRole("link", { name: /Tia Typing/ });
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    await operator.waitForURL(/\/conversations\/.+/);
  });

  it("the widget shows Seen under the visitor's message, above the automatic acknowledgement", async () => {
    const seen = widget.getByTestId("seen-by-operator");
    await seen.waitFor({ timeout: 20_000 });
    await expect(seen.textContent()).resolves.toBe("Seen");
    const message = widget.getByRole("listitem").filter({ has: seen });
    await expect(message.textContent()).resolves.toContain(
      "I would like to talk to a person about my order, please.",
    );
    await screenshot(site, "typing-00-seen");
  });

  it("the operator sees the visitor typing, without the draft (previews are off)", async () => {
    await widget
      .getByRole("textbox", { name: "Message", exact: true })
      .pressSequentially("Order 4417 was", { delay: 40 });
    await operator.getByText("Tia Typing is typing…").waitFor({ timeout: 20_000 });
    await expect(operator.getByText("Order 4417 was").count()).resolves.toBe(0);
    await screenshot(operator, "typing-01-visitor-typing");
  });

  it("the visitor sees the operator typing, then the reply, which the visitor has then seen", async () => {
    const reply = operator.getByRole("textbox", { name: "Reply" });
    await reply.pressSequentially("Let me look at order 4417", { delay: 40 });
    await widget.getByRole("status", { name: /is typing…$/ }).waitFor({ timeout: 20_000 });
    await screenshot(site, "typing-02-operator-typing");
    await operator.getByRole("button", { name: "Send" }).click();
    await widget.getByText("Let me look at order 4417").waitFor({ timeout: 20_000 });
    await operator.getByText("Seen by the visitor").waitFor({ timeout: 20_000 });
  });

  it("after the operator resolves it, the visitor rates the conversation", async () => {
    await operator.getByRole("button", { name: "Resolve", exact: true }).click();
    await operator.getByText("This conversation is resolved. Reopen it to reply.").waitFor();

    const question = widget.getByRole("group", { name: "How would you rate this conversation?" });
    await question.waitFor({ timeout: 20_000 });
    await question.getByRole("button", { name: "5 of 5: Excellent" }).click();
    await widget.getByLabel("Comment (optional)").fill(comment);
    await widget.getByRole("button", { name: "Send rating" }).click();
    await widget.getByText("Thank you for your rating (5 of 5).").waitFor();
    await screenshot(site, "csat-01-rated");
    await expect(widget.getByRole("button", { name: "Send rating" }).count()).resolves.toBe(0);
  });

  it("the conversation and Analytics show the rating, also for the operator", async () => {
    await operator.getByText("Rated 5 of 5").waitFor({ timeout: 20_000 });
    await operator.getByRole("link", { name: "Analytics", exact: true }).click();
    await operator.getByRole("heading", { name: "Customer satisfaction (CSAT)" }).waitFor();
    await operator.getByText(comment).waitFor({ timeout: 20_000 });
    const byOperator = operator.getByRole("region", { name: "By operator" }).first();
    await byOperator.waitFor();
    await expect(byOperator.textContent()).resolves.toMatch(/\(\d+ ratings?\)/);
    await screenshot(operator, "csat-02-analytics");
  });
});
