import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";

import type { ConsoleMessage, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, type TestBrowser } from "./harness/browser";
import { waitForConversation } from "./harness/conversation";
import { stackLogDir } from "./harness/paths";
import { signInAsDemoOperator } from "./harness/sign-in";
import { createVisitor } from "./harness/visitor";

/** A reader of what a service writes to its log from now on. */
function logSince(label: string) {
  const file = join(stackLogDir, `${label}.log`);
  const start = statSync(file).size;
  return () => readFileSync(file).subarray(start).toString("utf8");
}

/** Console errors and warnings a page prints, with where they came from. */
function consoleProblems(page: Page) {
  const problems: string[] = [];
  page.on("console", (message: ConsoleMessage) => {
    if (message.type() === "error" || message.type() === "warning") {
      problems.push(`${message.type()} on ${page.url()}: ${message.text()}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
  return problems;
}

const errorLines = (log: string) =>
  log.split("\n").filter((line) => /\b(Error|ENVIRONMENT_FALLBACK|INVALID_MESSAGE)\b/.test(line));

describe("a clean start: icons served, nothing logged as an error while the product is used", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.dispose();
  });

  it("each app answers its favicon with an icon", async () => {
    for (const base of [urls.dashboard, urls.widget, urls.demo]) {
      const response = await fetch(`${base}/favicon.ico`);
      expect(`${base} ${response.status}`).toBe(`${base} 200`);
      expect(response.headers.get("content-type")).toMatch(/^image\//);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  it("the inbox, a conversation and the embedded widget print no error, in the browser or the servers", async () => {
    const visitor = await createVisitor(urls, demo.organizationId, "Clara Clean");
    await visitor.send("Hello there, how do I reset my password?");
    const webLog = logSince("web");
    const widgetLog = logSince("widget");

    const operator = await browser.newPage();
    const operatorProblems = consoleProblems(operator);
    await signInAsDemoOperator(operator, urls.dashboard, demo.login);
    const list = operator.getByRole("list", { name: "Conversation list" });
    await list
      .getByRole("link", { name: /Clara Clean/ })
      .first()
      .click();
    await waitForConversation(operator, "Clara Clean");
    await operator.goto(`${urls.dashboard}/pt-BR/conversations`);
    await operator
      .getByRole("list")
      .getByRole("link", { name: /Clara Clean/ })
      .first()
      .waitFor();

    const site = await browser.newPage();
    const siteProblems = consoleProblems(site);
    await site.goto(urls.demo);
    await site.getByRole("button", { name: /Support chat/ }).click();
    const widget = site.frameLocator("#echo-widget-frame");
    await widget.getByLabel("Name").fill("Carl Clean");
    await widget.getByLabel("Email").fill("carl@clean.example");
    await widget.getByRole("button", { name: "Continue" }).click();
    await widget.getByRole("button", { name: "Start chat" }).click();
    const message = widget.getByRole("textbox", { name: "Message", exact: true });
    await message.fill("How do I reset my password?");
    await widget.getByRole("button", { name: "Send message" }).click();
    await widget.getByText(/account-security\.md/).waitFor({ timeout: 30_000 });

    expect(operatorProblems).toEqual([]);
    expect(siteProblems).toEqual([]);
    expect(errorLines(webLog())).toEqual([]);
    expect(errorLines(widgetLog())).toEqual([]);
  });
});
