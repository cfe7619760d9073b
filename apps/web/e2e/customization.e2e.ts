import { api } from "@echo/backend/convex/_generated/api";
import { ConvexHttpClient } from "convex/browser";
import type { FrameLocator, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";
import { eventually } from "./harness/visitor";

const GREETING = "Hi! Ask us anything about your Nimbus notebooks.";
const BRAND = { hex: "#c2410c", rgb: "rgb(194, 65, 12)" };

/** The colour a widget button is painted with. */
const backgroundOf = (button: Locator) =>
  button.evaluate((element) => getComputedStyle(element).backgroundColor);

describe("widget customization", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;
  let visitorBrowser: TestBrowser;
  let page: Page;
  let site: Page;
  let widget: FrameLocator;

  beforeAll(async () => {
    [browser, visitorBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
    page = await browser.newPage();
    site = await visitorBrowser.newPage();
    await signInAsDemoOperator(page, urls.dashboard, demo.login, { at: "/en/customization" });
    await page.getByLabel("Greeting").waitFor();
  });

  afterAll(async () => {
    await Promise.all([browser?.dispose(), visitorBrowser?.dispose()]);
  });

  it("a visitor has the widget open on the demo page, with the current settings", async () => {
    await site.goto(urls.demo);
    await site.getByRole("button", { name: /Support chat/ }).click();
    widget = site.frameLocator("#echo-widget-frame");
    await widget.getByLabel("Name").fill("Carla Colors");
    await widget.getByLabel("Email").fill("carla@colors.example");
    await widget.getByRole("button", { name: "Continue" }).click();
    await widget.getByRole("button", { name: "Start chat" }).click();
    // A new chat shows the greeting as the assistant's first bubble.
    await widget.getByRole("textbox", { name: "Message", exact: true }).waitFor();
    await expect(widget.getByText(GREETING).count()).resolves.toBe(0);
    await expect(
      backgroundOf(widget.getByRole("button", { name: "Send message" })),
    ).resolves.not.toBe(BRAND.rgb);
    await screenshot(site, "customization-00-widget-before");
  });

  it("refuses to save an empty greeting and says why", async () => {
    await page.getByLabel("Greeting").fill("   ");
    await page.getByText("Write a greeting.").waitFor();
    await expect(page.getByRole("button", { name: "Save changes" }).isDisabled()).resolves.toBe(
      true,
    );
  });

  it("previews the changes live and saves them for the widget", async () => {
    await page.getByLabel("Greeting").fill(GREETING);
    await page.getByLabel("Suggestion 1").fill("How do I share a notebook?");
    await page.getByLabel("Position").selectOption("bottom-left");
    const preview = page.getByTestId("widget-preview");
    await page.getByRole("textbox", { name: "Brand hex code" }).fill(BRAND.hex);
    await preview.getByText(GREETING).waitFor();
    await preview.getByText("How do I share a notebook?").waitFor();
    await screenshot(page, "customization-01-preview");

    await page.getByRole("button", { name: "Save changes" }).click();
    await page.getByText("Saved. Open widgets show the new settings.").waitFor();

    const visitorView = new ConvexHttpClient(urls.backend, { logger: false });
    const settings = await eventually(async () => {
      const current = await visitorView.query(api.public.widgetSettings.get, {
        organizationId: demo.organizationId,
      });
      return current.greeting === GREETING && current;
    });
    expect(settings.position).toBe("bottom-left");
    expect(settings.suggestions[0]).toBe("How do I share a notebook?");
    expect(settings.colors.primary).toBe(BRAND.hex);
  });

  it("the open widget takes the new colour and suggestion live, and greets with the new text", async () => {
    await widget.getByRole("button", { name: "How do I share a notebook?" }).waitFor({
      timeout: 30_000,
    });
    await expect
      .poll(() => backgroundOf(widget.getByRole("button", { name: "Send message" })), {
        timeout: 30_000,
      })
      .toBe(BRAND.rgb);
    await screenshot(site, "customization-02-widget-live");
    // A new chat in the same, never reloaded, widget opens with the new greeting.
    await widget.getByRole("button", { name: "Back" }).click();
    await widget.getByRole("button", { name: "Start chat" }).click();
    await widget.getByText(GREETING).waitFor();
    await screenshot(site, "customization-03-widget-new-chat");
  });

  it("the widget opened again after a reload starts from the new settings", async () => {
    await site.reload();
    await site.getByRole("button", { name: /Support chat/ }).click();
    widget = site.frameLocator("#echo-widget-frame");
    const startChat = widget.getByRole("button", { name: "Start chat" });
    await startChat.waitFor();
    await expect(backgroundOf(startChat)).resolves.toBe(BRAND.rgb);
    await startChat.click();
    await widget.getByText(GREETING).waitFor();
    await screenshot(site, "customization-04-widget-after-reload");
  });
});
