import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";
import { createVisitor, eventually } from "./harness/visitor";

type Caught = { subject: string; to: string[]; text: string };

describe("an escalation reaches the operator by browser notification and by email", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ notifications: true });
    await browser.grantPermissions(["notifications"], { origin: urls.dashboard });
    // Records what the page shows, through the browser's real Notification.
    await browser.addInitScript(() => {
      const Real = window.Notification;
      const shown: { title: string; body?: string }[] = [];
      class Recording extends Real {
        constructor(title: string, options?: NotificationOptions) {
          super(title, options);
          shown.push({ title, body: options?.body });
        }
      }
      Object.defineProperty(Recording, "permission", { get: () => Real.permission });
      Object.defineProperty(Recording, "requestPermission", {
        value: Real.requestPermission.bind(Real),
      });
      Object.assign(window, { Notification: Recording, __shownNotifications: shown });
    });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it("opts in to escalation emails in Settings", async () => {
    await signInAsDemoOperator(page, urls.dashboard, demo.login);
    await page.getByRole("link", { name: "Settings", exact: true }).click();
    await page.waitForURL(`${urls.dashboard}/en/settings/profile`);
    await page.getByRole("link", { name: "Notifications", exact: true }).click();
    const email = page.getByLabel("Email me about escalations");
    await email.check();
    await eventually(async () => await email.isChecked());
    // The permission is granted, so the sidebar asks for nothing.
    await expect(page.getByRole("button", { name: "Enable notifications" }).count()).resolves.toBe(
      0,
    );
    await screenshot(page, "notifications-01-settings");
    await page.getByRole("link", { name: "Conversations", exact: true }).click();
    await page.waitForURL(`${urls.dashboard}/en/conversations`);
  });

  it("shows a browser notification, counts it in the tab title and emails it to the local sink", async () => {
    const visitor = await createVisitor(urls, demo.organizationId, "Nora Notify");
    await visitor.send("I would like to talk to a person, please.");
    await eventually(async () => (await visitor.conversation()).status === "escalated");

    const shown = await eventually(async () => {
      const list = await page.evaluate(
        () =>
          (window as unknown as { __shownNotifications: { title: string }[] }).__shownNotifications,
      );
      return list.find((n) => n.title === "Nora Notify is waiting for a person");
    });
    expect(shown.title).toBe("Nora Notify is waiting for a person");
    await eventually(async () => /^\(\d+\) /.test(await page.title()));

    const mail = await eventually(async () => {
      const caught = (await (await fetch(`${urls.mail}/messages.json`)).json()) as Caught[];
      return caught.find((m) => m.subject === "Nora Notify is waiting for a person");
    }, 30_000);
    expect(mail.to).toEqual([demo.login.email]);
    expect(mail.text).toContain("> I would like to talk to a person, please.");
    expect(mail.text).toContain(`${urls.dashboard}/en/conversations/`);

    const sink = await browser.newPage();
    await sink.goto(urls.mail);
    await sink.getByText("Nora Notify is waiting for a person").first().waitFor();
    await screenshot(sink, "notifications-02-caught-mail");
    await sink.close();
  });
});
