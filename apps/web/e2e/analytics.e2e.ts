import { readFileSync } from "node:fs";

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";
import { createVisitor, eventually } from "./harness/visitor";

describe("analytics", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;
  // Both tests read the one Analytics screen, which follows the backend live.
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await signInAsDemoOperator(page, urls.dashboard, demo.login, { at: "/en/analytics" });
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it("counts a conversation the AI resolved, live", async () => {
    const conversations = page.getByTestId("stat-conversations").locator("dd");
    await conversations.waitFor();
    const before = Number(await conversations.textContent());

    const visitor = await createVisitor(urls, demo.organizationId, "Andy Analytics");
    await visitor.send("Thanks, that's all!");
    await eventually(async () => (await visitor.conversation()).status === "resolved");

    // The count follows the backend's aggregate live: wait for it, not for one second of polling.
    await conversations.filter({ hasText: new RegExp(`^${before + 1}$`) }).waitFor();
    await expect(
      page.getByTestId("stat-aiResolutionRate").locator("dd").textContent(),
    ).resolves.toMatch(/^\d+%$/);
    await screenshot(page, "analytics-01");
  });

  it("draws the chart over a count axis with dates, for 7, 30 or 90 days, and exports it as CSV", async () => {
    const dates = page.getByTestId("volume-chart-x-axis").locator("span");
    await dates.first().waitFor();
    // The count axis: whole numbers rising from 0.
    const counts = (
      await page.getByTestId("volume-chart-y-axis").locator("span").allTextContents()
    ).map(Number);
    expect(counts[0]).toBe(0);
    expect(counts.length).toBeGreaterThanOrEqual(2);
    expect(counts.every((count, index) => index === 0 || count > counts[index - 1]!)).toBe(true);

    await page.getByRole("button", { name: "Last 7 days" }).click();
    await expect
      .poll(() => page.getByRole("button", { name: "Last 7 days" }).getAttribute("aria-pressed"), {
        timeout: 15_000,
      })
      .toBe("true");
    const today = new Date().toLocaleDateString("en-US", {
      month: "short",
      day: "numeric",
      timeZone: "UTC",
    });
    await expect
      .poll(async () => (await dates.allTextContents()).at(-1), { timeout: 15_000 })
      .toBe(today);
    await screenshot(page, "analytics-02-seven-days");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    const rows = readFileSync((await download.path())!, "utf8")
      .trim()
      .split(/\r?\n/);
    // Each channel's figures follow the day's totals.
    const channelColumns = (channel: string) =>
      [
        `${channel}: conversations`,
        `${channel}: resolved by AI`,
        `${channel}: median first human response (s)`,
        `${channel}: median time to resolution (s)`,
      ].join(",");
    expect(rows[0]).toBe(
      `Day,Conversations,Escalated,Resolved by AI,${["Chat", "Voice", "WhatsApp"].map(channelColumns).join(",")}`,
    );
    // Seven days back to today, both ends included.
    expect(rows).toHaveLength(1 + 8);
    expect(rows.at(-1)).toMatch(
      new RegExp(
        `^${new Date().toISOString().slice(0, 10)},\\d+,\\d+,\\d+(,\\d+,\\d+,\\d*,\\d*){3}$`,
      ),
    );
    expect(download.suggestedFilename()).toMatch(
      /^echo-conversations-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/,
    );
  });
});
