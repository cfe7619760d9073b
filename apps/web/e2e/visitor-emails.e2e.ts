import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";
import { eventually } from "./harness/visitor";

type Caught = { subject: string; to: string[]; text: string };

// The two emails a visitor gets, caught by the local SMTP sink: an operator's reply after the
// visitor has left (the e2e stack sends it after seconds), with a link back to the conversation,
// and the transcript on resolution, which the visitor asked for in the widget.
describe("a visitor who left gets the operator's reply, then the transcript, by email", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  const email = "elsa@emails.example";
  const question = "I would like to talk to a person about a refund, please.";
  const reply = "Elsa, the refund for order 5521 is on its way.";
  let operatorBrowser: TestBrowser;
  let visitorBrowser: TestBrowser;
  let operator: Page;

  const mailTo = async (subject: RegExp) =>
    await eventually(async () => {
      const caught = (await (await fetch(`${urls.mail}/messages.json`)).json()) as Caught[];
      return caught.find((mail) => mail.to.includes(email) && subject.test(mail.subject));
    }, 30_000);

  const openWidget = async (site: Page): Promise<FrameLocator> => {
    await site.getByRole("button", { name: /Support chat/ }).click();
    return site.frameLocator("#echo-widget-frame");
  };

  beforeAll(async () => {
    [operatorBrowser, visitorBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
    operator = await operatorBrowser.newPage();
    await signInAsDemoOperator(operator, urls.dashboard, demo.login);
  });

  afterAll(async () => {
    await Promise.all([operatorBrowser?.dispose(), visitorBrowser?.dispose()]);
  });

  it("the visitor asks for the transcript and a person, then leaves the page", async () => {
    const site = await visitorBrowser.newPage();
    await site.goto(urls.demo);
    const widget = await openWidget(site);
    await widget.getByLabel("Name").fill("Elsa Emails");
    await widget.getByLabel("Email").fill(email);
    await widget.getByRole("button", { name: "Continue" }).click();
    await widget.getByRole("button", { name: "Start chat" }).click();
    await widget.getByRole("textbox", { name: "Message", exact: true }).fill(question);
    await widget.getByRole("button", { name: "Send message" }).click();
    await widget.getByText(/a person will reply here soon/).waitFor({ timeout: 30_000 });
    const optIn = widget.getByLabel("Email me a transcript when this conversation ends");
    await optIn.check();
    await eventually(async () => await optIn.isChecked());
    await screenshot(site, "visitor-emails-01-transcript-asked");
    await site.close();
  });

  it("the operator's reply is emailed to the visitor with a link back to the conversation", async () => {
    await operator.getByRole("link", { name: "Conversations", exact: true }).click();
    const item = operator.getByRole("link", { name: /Elsa Emails/ });
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    await operator.waitForURL(/\/conversations\/.+/);
    await operator.getByRole("textbox", { name: "Reply" }).fill(reply);
    await operator.getByRole("button", { name: "Send" }).click();

    const mail = await mailTo(/replied to you$/);
    expect(mail.text).toContain(`> ${reply}`);
    const link = mail.text.match(/Continue the conversation: (\S+)/)?.[1];
    expect(link?.startsWith(urls.demo)).toBe(true);

    // The link is the page the visitor chatted on; the widget there reopens the conversation.
    const site = await visitorBrowser.newPage();
    await site.goto(link!);
    const widget = await openWidget(site);
    await widget.getByText(reply).waitFor({ timeout: 20_000 });
    await expect(widget.getByText(question).count()).resolves.toBe(1);
    await screenshot(site, "visitor-emails-02-back-from-email");
    await site.close();
  });

  it("resolving the conversation emails the visitor its transcript", async () => {
    await operator.getByRole("button", { name: "Resolve", exact: true }).click();
    await operator.getByText("This conversation is resolved. Reopen it to reply.").waitFor();

    const mail = await mailTo(/^Your conversation with /);
    expect(mail.text).toContain("Hello Elsa Emails, here is the transcript");
    expect(mail.text).toContain(`You: ${question}`);
    expect(mail.text).toContain(reply);
    expect(mail.text.indexOf(question)).toBeLessThan(mail.text.indexOf(reply));

    const sink = await operatorBrowser.newPage();
    await sink.goto(urls.mail);
    await sink
      .getByText(/^Your conversation with /)
      .first()
      .waitFor();
    await screenshot(sink, "visitor-emails-03-caught-mail");
    await sink.close();
  });
});
