import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";

/** Yesterday, today and tomorrow as `YYYY-MM-DD`, so "today" is a holiday in any time zone. */
function aroundToday() {
  return [-1, 0, 1].map((offset) =>
    new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10),
  );
}

// Outside office hours (today a holiday) the widget tells the visitor the team is away; the
// organization's hours are put back afterwards, as the other journeys expect the team in.
describe("outside office hours the widget shows the away notice", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  const holidays = aroundToday();
  let adminBrowser: TestBrowser;
  let visitorBrowser: TestBrowser;
  let admin: Page;
  let wasEnabled = false;

  /** The office hours' switch, once the screen the admin is on shows it. */
  async function officeHoursSwitch() {
    await admin.getByRole("heading", { name: "Office hours" }).waitFor();
    return admin.getByLabel(/^Use office hours/);
  }

  beforeAll(async () => {
    [adminBrowser, visitorBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
    admin = await adminBrowser.newPage();
    await signInAsDemoOperator(admin, urls.dashboard, demo.login, {
      at: "/en/settings/office-hours",
    });
  });

  afterAll(async () => {
    try {
      // Loaded afresh: the screen shows what the backend keeps.
      await admin.goto(`${urls.dashboard}/en/settings/office-hours`);
      const enabled = await officeHoursSwitch();
      for (const day of holidays) {
        const remove = admin.getByRole("button", { name: `Remove holiday ${day}` });
        if (await remove.count()) await remove.click();
      }
      await enabled.setChecked(wasEnabled);
      await admin.getByRole("button", { name: "Save", exact: true }).click();
      await admin.getByText("Office hours saved.").waitFor();
    } finally {
      await Promise.all([adminBrowser?.dispose(), visitorBrowser?.dispose()]);
    }
  });

  it("an admin makes today a holiday", async () => {
    const enabled = await officeHoursSwitch();
    wasEnabled = await enabled.isChecked();
    await enabled.check();
    for (const day of holidays) {
      await admin.locator("#office-hours-holiday").fill(day);
      await admin.getByRole("button", { name: "Add holiday" }).click();
      await admin.getByRole("button", { name: `Remove holiday ${day}` }).waitFor();
    }
    await admin.getByRole("button", { name: "Save", exact: true }).click();
    await admin.getByText("Office hours saved.").waitFor();
    await screenshot(admin, "away-01-holidays");
  });

  it("a visitor who opens the widget is told the team is away", async () => {
    const site = await visitorBrowser.newPage();
    await site.goto(urls.demo);
    await site.getByRole("button", { name: /Support chat/ }).click();
    const widget = site.frameLocator("#echo-widget-frame");
    await widget.getByLabel("Name").fill("Ada Away");
    await widget.getByLabel("Email").fill("ada@away.example");
    await widget.getByRole("button", { name: "Continue" }).click();
    await widget.getByText(/^Our team is away right now/).waitFor({ timeout: 20_000 });
    await screenshot(site, "away-02-widget-notice");
  });
});
