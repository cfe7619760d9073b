import { readFileSync } from "node:fs";

import type { Page } from "playwright-core";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";
import { createVisitor, eventually } from "./harness/visitor";

// Unique per run, so a second run on the same stack starts from none of these contacts.
const RUN = Date.now().toString(36);
const TAG = `seg-${RUN}`;
// The demo organization's seeded custom fields are Plan (a select) and Seats (a number).
const CSV = [
  "Name,Email,Tags,Plan,Seats",
  `Pia Pro ${RUN},pia.${RUN}@example.com,${TAG},Pro,12`,
  `Paulo Pro ${RUN},paulo.${RUN}@example.com,${TAG},Pro,3`,
  `Fred Free ${RUN},fred.${RUN}@example.com,${TAG},Free,1`,
].join("\n");
const SEGMENT = `Pro ${RUN}`;
const KEPT = `Mia Merge ${RUN}`;
const MERGED = `Max Merge ${RUN}`;

describe("an admin segments contacts, exports a segment and merges two contacts", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage();
    await signInAsDemoOperator(page, urls.dashboard, demo.login, { at: "/en/contacts/import" });
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  const pick = async (combobox: string, option: string) => {
    await page.getByRole("combobox", { name: combobox, exact: true }).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  };
  const rowNames = async () =>
    (await page.locator("tbody tr td:first-child a").allTextContents()).sort();

  it("filters by a custom field and last seen, and saves the filters as a segment", async () => {
    await page.getByLabel("CSV file").setInputFiles({
      name: `segments-${RUN}.csv`,
      mimeType: "text/csv",
      buffer: Buffer.from(CSV),
    });
    await page.getByRole("heading", { name: "First rows of the file" }).waitFor();
    // The custom fields' columns are guessed from their labels.
    await expect(
      page.getByRole("combobox", { name: "Column “Plan”" }).textContent(),
    ).resolves.toContain("Plan");
    await page.getByRole("button", { name: "Import" }).click();
    await page.getByText("Import finished").waitFor();

    await page.getByRole("link", { name: "All contacts", exact: true }).click();
    await page.getByRole("heading", { name: "Contacts", exact: true }).waitFor();
    await page.getByLabel("Tag", { exact: true }).fill(TAG);
    await eventually(async () => (await page.locator("tbody tr").count()) === 3);
    await pick("Custom field", "Plan");
    await pick("Is", "Pro");
    await pick("Last seen", "Last 24 hours");
    await pick("Stage", "Customer");
    // No imported contact has a stage; the picked stage reads as such on the closed select.
    await page
      .getByRole("combobox", { name: "Stage", exact: true })
      .getByText("Stage: Customer")
      .waitFor();
    await page.getByText("No contacts match these filters.").waitFor();
    await pick("Stage", "All");
    await expect
      .poll(rowNames, { timeout: 15_000 })
      .toEqual([`Paulo Pro ${RUN}`, `Pia Pro ${RUN}`]);
    await pick("Sort", "Name, Z to A");
    await expect
      .poll(() => page.locator("tbody tr td:first-child a").allTextContents(), {
        timeout: 15_000,
      })
      .toEqual([`Pia Pro ${RUN}`, `Paulo Pro ${RUN}`]);
    await screenshot(page, "contacts-segments-01-filtered");

    await page.getByRole("button", { name: "Save segment" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name").fill(SEGMENT);
    await dialog.getByRole("button", { name: "Save segment" }).click();
    await page.getByRole("heading", { name: SEGMENT, level: 1 }).waitFor();
    const segments = page.getByRole("navigation", { name: "Segments" });

    // Back to every contact, then the segment brings its filters back.
    await segments.getByRole("button", { name: "All contacts" }).click();
    await page.getByRole("heading", { name: "Contacts", exact: true }).waitFor();
    expect(await page.getByLabel("Tag", { exact: true }).inputValue()).toBe("");
    await segments.getByRole("button", { name: SEGMENT }).click();
    expect(await page.getByLabel("Tag", { exact: true }).inputValue()).toBe(TAG);
    await expect
      .poll(rowNames, { timeout: 15_000 })
      .toEqual([`Paulo Pro ${RUN}`, `Pia Pro ${RUN}`]);
    await screenshot(page, "contacts-segments-02-segment");
  });

  it("exports the segment as CSV", async () => {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Export CSV" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^contacts-pro-${RUN}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const text = readFileSync((await download.path())!, "utf8").replace(/^\uFEFF/, "");
    const { data } = Papa.parse<Record<string, string>>(text.trim(), { header: true });
    expect(data.map((row) => [row.name, row.emails, row.plan, row.seats]).sort()).toEqual([
      [`Paulo Pro ${RUN}`, `paulo.${RUN}@example.com`, "Pro", "3"],
      [`Pia Pro ${RUN}`, `pia.${RUN}@example.com`, "Pro", "12"],
    ]);
  });

  it("merges two contacts, with both conversations on the survivor", async () => {
    const kept = await createVisitor(urls, demo.organizationId, KEPT);
    await kept.send("Where is my invoice?");
    const merged = await createVisitor(urls, demo.organizationId, MERGED);
    await merged.send("I wrote before from another address");

    // Out of the segment, every contact again.
    await page
      .getByRole("navigation", { name: "Segments" })
      .getByRole("button", { name: "All contacts" })
      .click();
    await page.getByRole("heading", { name: "Contacts", exact: true }).waitFor();
    await page.getByLabel("Search").fill(MERGED);
    const mergedLink = page.getByRole("link", { name: MERGED });
    await mergedLink.waitFor();
    const mergedUrl = `${urls.dashboard}${await mergedLink.getAttribute("href")}`;
    await page.getByLabel("Search").fill(KEPT);
    await page.getByRole("link", { name: KEPT }).click();
    await page.getByRole("heading", { name: KEPT, level: 1 }).waitFor();
    const keptUrl = page.url();

    await page.getByRole("button", { name: "Merge…" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Find the other contact").fill(MERGED);
    await dialog.getByRole("button", { name: new RegExp(MERGED) }).click();
    await dialog.getByText(`${MERGED} will be merged into ${KEPT}.`).waitFor();
    await dialog.getByText("2 (1 here + 1 from the other contact)").waitFor();
    // The names differ: the kept contact's is chosen unless the admin picks the other.
    const name = dialog.getByRole("radiogroup", { name: "Name" });
    expect(await name.getByRole("radio").first().isChecked()).toBe(true);
    await screenshot(page, "contacts-segments-03-merge");
    await dialog.getByRole("button", { name: "Merge contacts" }).click();
    await dialog.waitFor({ state: "detached" });

    const timeline = page.getByRole("region", { name: "Conversations" });
    await eventually(async () => (await timeline.getByRole("link").count()) === 2);
    await page.getByText(`max.merge.${RUN}@visitor.example`).waitFor();

    // The merged-away contact's page leads to the survivor.
    await page.goto(mergedUrl);
    await page.waitForURL(keptUrl);
    await page.getByRole("heading", { name: KEPT, level: 1 }).waitFor();
  });

  it("reads the same in pt-BR and on a phone", async () => {
    await page.goto(`${urls.dashboard}/pt-BR/contacts`);
    await page.getByRole("heading", { name: "Contatos", exact: true }).waitFor();
    const segments = page.getByRole("navigation", { name: "Segmentos" });
    await segments.getByRole("button", { name: SEGMENT }).click();
    await expect
      .poll(rowNames, { timeout: 15_000 })
      .toEqual([`Paulo Pro ${RUN}`, `Pia Pro ${RUN}`]);
    await screenshot(page, "contacts-segments-04-pt-br");
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "contacts-segments-05-pt-br-phone");
    await page.goto(`${urls.dashboard}/en/contacts`);
    await page.getByRole("heading", { name: "Contacts", exact: true }).waitFor();
    await screenshot(page, "contacts-segments-06-phone");
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
