import { readFileSync } from "node:fs";

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";

// Unique per run, so a second run on the same stack starts from no such contacts.
const RUN = Date.now().toString(36);
const CSV = [
  "Full name,E-mail,Mobile,Tags",
  `Iris Import ${RUN},iris.${RUN}@example.com,+5511987600001,csv-${RUN}`,
  `Ivo Import ${RUN},ivo.${RUN}@example.com,,csv-${RUN}`,
  `Isa Import ${RUN},isa.${RUN}@example.com,+14155550123,csv-${RUN}`,
  // The same person as Iris, by email: merged into her row.
  `Iris I. ${RUN},iris.${RUN}@example.com,,`,
  `Bad Phone ${RUN},bad.${RUN}@example.com,12345,`,
  `Bad Email ${RUN},not-an-email,,`,
].join("\n");

describe("an admin imports contacts from a CSV", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await signInAsDemoOperator(page, urls.dashboard, demo.login, { at: "/en/contacts" });
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  async function upload() {
    await page.getByLabel("CSV file").setInputFiles({
      name: `contacts-${RUN}.csv`,
      mimeType: "text/csv",
      buffer: Buffer.from(CSV),
    });
    await page.getByRole("heading", { name: "First rows of the file" }).waitFor();
  }

  const count = (name: string) =>
    page.locator("dt", { hasText: new RegExp(`^${name}$`) }).locator("xpath=following-sibling::dd");

  it("maps the columns, follows the progress and reads the rejected rows", async () => {
    await page.getByRole("link", { name: "Import" }).click();
    await page.getByRole("heading", { name: "Import contacts" }).waitFor();
    await upload();
    await page.getByRole("cell", { name: `ivo.${RUN}@example.com` }).waitFor();
    // The columns are guessed from their names.
    await expect(
      page.getByRole("combobox", { name: "Column “Mobile”" }).textContent(),
    ).resolves.toBe("Phone numbers");
    await page.getByLabel("Update them with the file's values").check();
    await screenshot(page, "contacts-import-01-mapping");
    await page.getByRole("button", { name: "Import" }).click();

    await page.getByRole("progressbar", { name: "Import progress" }).waitFor();
    await page.getByText("Import finished").waitFor();
    await expect
      .poll(() => page.getByRole("progressbar").getAttribute("aria-valuenow"))
      .toBe("100");
    expect(await count("New contacts").textContent()).toBe("3");
    expect(await count("Skipped").textContent()).toBe("1");
    expect(await count("Rejected").textContent()).toBe("2");
    await page
      .getByText("Line 6: “12345” in Mobile is not a phone number with a country code.")
      .waitFor();
    await page.getByText("Line 7: “not-an-email” in E-mail is not an email address.").waitFor();
    await screenshot(page, "contacts-import-02-report");

    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download rejected rows (CSV)" }).click(),
    ]);
    const rows = readFileSync((await download.path())!, "utf8")
      .trim()
      .split(/\r?\n/);
    expect(rows).toEqual([
      "Full name,E-mail,Mobile,Tags,Line,Reason",
      `Bad Phone ${RUN},bad.${RUN}@example.com,12345,,6,“12345” in Mobile is not a phone number with a country code.`,
      `Bad Email ${RUN},not-an-email,,,7,“not-an-email” in E-mail is not an email address.`,
    ]);
    expect(download.suggestedFilename()).toBe(`contacts-${RUN}-rejected.csv`);
  });

  it("shows the new contacts in the list", async () => {
    await page.getByRole("link", { name: "See the contacts" }).click();
    await page.getByRole("heading", { name: "Contacts", exact: true }).waitFor();
    await page.getByLabel("Search").fill(RUN);
    for (const name of [`Iris I. ${RUN}`, `Ivo Import ${RUN}`, `Isa Import ${RUN}`])
      await page.getByRole("link", { name }).waitFor();
    await expect.poll(() => page.locator("tbody tr").count(), { timeout: 15_000 }).toBe(3);
    await screenshot(page, "contacts-import-03-list");
  });

  it("importing the same file again changes nothing", async () => {
    await page.getByRole("link", { name: "Import", exact: true }).click();
    await page.getByRole("heading", { name: "Import contacts" }).waitFor();
    await upload();
    // The mapping chosen last time comes back.
    await expect(page.getByRole("combobox", { name: "Column “Tags”" }).textContent()).resolves.toBe(
      "Tags",
    );
    // So is the mode: existing contacts are updated, and the file has nothing new for them.
    expect(await page.getByLabel("Update them with the file's values").isChecked()).toBe(true);
    await page.getByRole("button", { name: "Import" }).click();
    await page.getByText("No new contacts, none updated.").waitFor();
    expect(await count("Skipped").textContent()).toBe("4");
    expect(await count("Rejected").textContent()).toBe("2");
    await page.getByRole("link", { name: "All contacts", exact: true }).click();
    await page.getByRole("heading", { name: "Contacts", exact: true }).waitFor();
    await page.getByLabel("Search").fill(RUN);
    await page.getByRole("link", { name: `Isa Import ${RUN}` }).waitFor();
    await expect.poll(() => page.locator("tbody tr").count(), { timeout: 15_000 }).toBe(3);
  });

  it("reads the same in pt-BR and on a phone", async () => {
    await page.goto(`${urls.dashboard}/pt-BR/contacts/import`);
    await page.getByRole("heading", { name: "Importar contatos" }).waitFor();
    await screenshot(page, "contacts-import-04-pt-br");
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByLabel("Arquivo CSV").setInputFiles({
      name: "contatos.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(CSV),
    });
    await page.getByRole("heading", { name: "Primeiras linhas do arquivo" }).waitFor();
    await screenshot(page, "contacts-import-05-mapping-pt-br-phone");
  });
});
