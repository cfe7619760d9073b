import { deflateSync } from "node:zlib";

import type { FrameLocator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";

/** A real 24×24 PNG (a teal square), so the browser decodes and draws the thumbnail. */
function tealSquarePng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const size = 24;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([
    Buffer.from([0]),
    Buffer.from(Array(size).fill([0, 128, 128]).flat()),
  ]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(Array(size).fill(row)))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

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
