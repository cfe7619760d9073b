import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { deleteKnowledgeFile, uploadKnowledgeFile } from "./harness/knowledge";
import { signInAsDemoOperator } from "./harness/sign-in";
import { createVisitor, eventually } from "./harness/visitor";

const FILE_NAME = "loyalty-program.md";
const FILE_TEXT = `# Nimbus Rewards

Members of Nimbus Rewards earn 7 points for every dollar spent on Nimbus plans.
Reward points expire 18 months after they are earned.
`;

describe("the knowledge base feeds the assistant", () => {
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

  it("uploads a file that becomes ready", async () => {
    await page.getByRole("heading", { name: "Knowledge base" }).waitFor();
    await uploadKnowledgeFile(page, {
      name: FILE_NAME,
      mimeType: "text/markdown",
      buffer: Buffer.from(FILE_TEXT),
    });
    await screenshot(page, "knowledge-01-ready");
  });

  it("refuses a file type the assistant cannot read, without uploading it", async () => {
    await page.getByLabel("Choose files to upload").setInputFiles({
      name: "setup.exe",
      mimeType: "application/octet-stream",
      buffer: Buffer.from("MZ"),
    });
    await page.getByText("setup.exe was not uploaded: this file type is not supported").waitFor();
    await expect(
      page.getByTestId("knowledge-file").filter({ hasText: "setup.exe" }).count(),
    ).resolves.toBe(0);
  });

  it("lets a visitor get an answer from the new file, with its source", async () => {
    const visitor = await createVisitor(urls, demo.organizationId, "Kim Knowledge");
    await visitor.send("How many points do I earn per dollar with Nimbus Rewards?");
    const answer = await eventually(async () => {
      const messages = await visitor.messages();
      return messages.find(
        (message) => message.author === "agent" && message.text.includes("7 points"),
      );
    }, 30_000);
    expect(answer.text).toContain(FILE_NAME);
  });

  it("deletes the file after confirmation", async () => {
    await deleteKnowledgeFile(page, FILE_NAME);
  });
});
