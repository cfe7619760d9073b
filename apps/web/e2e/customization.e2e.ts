import { api } from "@echo/backend/convex/_generated/api";
import { ConvexHttpClient } from "convex/browser";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";
import { eventually } from "./harness/visitor";

describe("widget customization", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await signInAsDemoOperator(page, urls.dashboard, demo.login);
    await page.getByRole("link", { name: "Widget customization" }).click();
    await page.getByLabel("Greeting").waitFor();
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it("refuses to save an empty greeting and says why", async () => {
    await page.getByLabel("Greeting").fill("   ");
    await page.getByText("Write a greeting.").waitFor();
    await expect(page.getByRole("button", { name: "Save changes" }).isDisabled()).resolves.toBe(
      true,
    );
  });

  it("previews the changes live and saves them for the widget", async () => {
    await page.getByLabel("Greeting").fill("Howdy! Ask us about trail gear.");
    await page.getByLabel("Suggestion 1").fill("Which boots for winter?");
    await page.getByLabel("Position").selectOption("bottom-left");
    const preview = page.getByTestId("widget-preview");
    await preview.getByText("Howdy! Ask us about trail gear.").waitFor();
    await preview.getByText("Which boots for winter?").waitFor();
    await screenshot(page, "customization-01-preview");

    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved. Open widgets show the new settings.").waitFor();

    const visitorView = new ConvexHttpClient(urls.backend, { logger: false });
    const settings = await eventually(async () => {
      const current = await visitorView.query(api.public.widgetSettings.get, {
        organizationId: demo.organizationId,
      });
      return current.greeting === "Howdy! Ask us about trail gear." && current;
    });
    expect(settings.position).toBe("bottom-left");
    expect(settings.suggestions[0]).toBe("Which boots for winter?");
  });
});
