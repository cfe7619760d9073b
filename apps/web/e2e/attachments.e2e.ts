import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { tealSquarePng } from "./harness/png";
import { signInAsDemoOperator } from "./harness/sign-in";

// A visitor sends a screenshot from the widget; the agent says it cannot open it and offers a
// person; the operator sees the image as a thumbnail in the thread and answers with a file.
describe("attachments both ways", () => {
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

  it("the visitor sends an image and the agent offers a person", async () => {
    await site.goto(urls.demo);
    await site.getByRole("button", { name: /Support chat/ }).click();
    widget = site.frameLocator("#echo-widget-frame");
    await widget.getByLabel("Name").fill("Ines Image");
    await widget.getByLabel("Email").fill("ines@image.example");
    await widget.getByRole("button", { name: "Continue" }).click();
    await widget.getByRole("button", { name: "Start chat" }).click();
    await widget.getByTestId("attachment-input").setInputFiles({
      name: "screenshot.png",
      mimeType: "image/png",
      buffer: tealSquarePng(),
    });
    const pending = widget.getByRole("list", { name: "Files to send" });
    await pending.getByText("screenshot.png").waitFor();
    await expect.poll(() => pending.getByText("Uploading…").count(), { timeout: 30_000 }).toBe(0);
    await widget.getByRole("button", { name: "Send message" }).click();
    const thumbnail = widget.getByRole("img", { name: "screenshot.png" });
    await thumbnail.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBe(24);
    await widget.getByText(/I can't open attachments myself/).waitFor({ timeout: 30_000 });
    await screenshot(site, "attachments-01-widget-image");
  });

  it("a file of a refused type is refused with the reason, and not sent", async () => {
    await widget.getByTestId("attachment-input").setInputFiles({
      name: "page.html",
      mimeType: "text/html",
      buffer: Buffer.from("<script>alert(1)</script>"),
    });
    await widget.getByText("This type of file can't be sent.", { exact: false }).waitFor({
      timeout: 30_000,
    });
    await widget.getByRole("button", { name: "Remove page.html" }).click();
  });

  it("the operator sees the image as a thumbnail that opens full size", async () => {
    const item = dashboard.getByRole("link", { name: /Ines Image/ });
    await item.waitFor({ timeout: 30_000 });
    await item.click();
    const thread = dashboard.getByRole("region", { name: "Conversation" });
    const thumbnail = thread.getByRole("img", { name: "screenshot.png" });
    await thumbnail.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth))
      .toBe(24);
    const href = await thread
      .getByRole("link", { name: "Open screenshot.png full size" })
      .getAttribute("href");
    const response = await fetch(href!);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-disposition")).toContain(
      'inline; filename="screenshot.png"',
    );
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    await screenshot(dashboard, "attachments-02-dashboard-thumbnail");
  });

  it("the operator answers with a file, which the visitor downloads", async () => {
    await dashboard.getByTestId("attachment-input").setInputFiles({
      name: "return label.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n%%EOF\n"),
    });
    const pending = dashboard.getByRole("list", { name: "Files to send" });
    await pending.getByText("return label.pdf").waitFor();
    await expect.poll(() => pending.getByText("Uploading…").count(), { timeout: 30_000 }).toBe(0);
    await dashboard.getByLabel("Reply").fill("Here is your return label.");
    await dashboard.getByRole("button", { name: "Send" }).click();
    const link = widget.getByRole("link", { name: /return label\.pdf/ });
    await link.waitFor({ timeout: 30_000 });
    const response = await fetch((await link.getAttribute("href"))!);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="return label.pdf"; filename*=UTF-8''return%20label.pdf`,
    );
    await screenshot(site, "attachments-03-widget-file");
  });
});
