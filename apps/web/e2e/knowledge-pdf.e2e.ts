import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { deleteKnowledgeFile, uploadKnowledgeFile } from "./harness/knowledge";
import { signInAsDemoOperator } from "./harness/sign-in";
import { createVisitor, eventually } from "./harness/visitor";

// A PDF goes the whole way on the local backend: upload in the dashboard, text extraction in the
// backend's Node action on convex-local, the extracted text shown, and an answer built from it.

const FILE_NAME = "nimbus-hub-warranty.pdf";
const PDF = readFileSync(new URL(`./fixtures/${FILE_NAME}`, import.meta.url));

describe("a PDF in the knowledge base", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await signInAsDemoOperator(page, urls.dashboard, demo.login, { at: "/en/knowledge-base" });
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it("is uploaded, its text extracted, and shown in the preview", async () => {
    await page.getByRole("heading", { name: "Knowledge base" }).waitFor();
    await uploadKnowledgeFile(
      page,
      { name: FILE_NAME, mimeType: "application/pdf", buffer: PDF },
      { timeout: 60_000 },
    );
    await screenshot(page, "knowledge-pdf-01-ready");

    await page.getByRole("button", { name: `Preview the text of ${FILE_NAME}` }).click();
    const text = page.getByRole("dialog", { name: FILE_NAME }).getByTestId("knowledge-file-text");
    await text.waitFor();
    await expect(text.textContent()).resolves.toContain(
      "Every Nimbus Hub carries a 3 year limited warranty from the day it ships.",
    );
    await screenshot(page, "knowledge-pdf-02-preview");
    await page.keyboard.press("Escape");
  });

  it("answers a visitor from the PDF, naming it as the source", async () => {
    const visitor = await createVisitor(urls, demo.organizationId, "Pat Pdf");
    await visitor.send("How long is the warranty on the Nimbus Hub?");
    const answer = await eventually(async () => {
      const messages = await visitor.messages();
      return messages.find(
        (message) => message.author === "agent" && message.text.includes("3 year"),
      );
    }, 30_000);
    expect(answer.text).toContain(FILE_NAME);
  });

  it("is deleted after confirmation", async () => {
    await deleteKnowledgeFile(page, FILE_NAME);
  });
});
