import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { chooseLanguage, openFromSidebar } from "./harness/navigation";
import { signInAsDemoOperator } from "./harness/sign-in";
import { createVisitor, eventually } from "./harness/visitor";

/** A Brazilian mobile number no other run used, and how the dashboard writes it. */
function newNumber(seed: number) {
  const number = `+55119${String(Date.now() + seed).slice(-8)}`;
  return { number, formatted: `+55 11 ${number.slice(5, 10)} ${number.slice(10)}` };
}

// A WhatsApp customer, from the simulator's phone page: asking for a person escalates the
// conversation in the inbox and the acknowledgement reaches the phone; the contact panel shows
// their phone, and the inbox finds them by it. A customer who wrote from the widget and then from
// WhatsApp with the phone on their contact has both conversations on the contact's page.
describe("WhatsApp customers in the inbox and in Contacts", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let phoneBrowser: TestBrowser;
  let operatorBrowser: TestBrowser;
  let phone: Page;
  let dashboard: Page;

  beforeAll(async () => {
    [phoneBrowser, operatorBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
    phone = await phoneBrowser.newPage();
    dashboard = await operatorBrowser.newPage();
    await signInAsDemoOperator(dashboard, urls.dashboard, demo.login);
  });

  afterAll(async () => {
    await Promise.all([phoneBrowser?.dispose(), operatorBrowser?.dispose()]);
  });

  const openPhone = (number: string, name: string) =>
    phone.goto(
      `${urls.whatsapp}/?phone=${encodeURIComponent(number)}&name=${encodeURIComponent(name)}`,
    );
  const sendFromPhone = async (text: string) => {
    await phone.getByLabel("Message").fill(text);
    await phone.getByRole("button", { name: "Send" }).click();
  };
  const fromBusiness = () => phone.locator('li[data-direction="out"]');

  it("asking for a person on the phone escalates the conversation; the acknowledgement reaches the phone", async () => {
    const { number, formatted } = newNumber(0);
    await openPhone(number, "Ester Escalate");
    await sendFromPhone("I want to talk to a person, please.");
    await fromBusiness()
      .filter({ hasText: "passed this conversation to our team" })
      .waitFor({ timeout: 60_000 });
    await screenshot(phone, "whatsapp-contacts-01-phone-escalated");

    // The operator, on the inbox since signing in, narrows it to WhatsApp.
    await dashboard.getByRole("combobox", { name: "Channel", exact: true }).click();
    await dashboard.getByRole("option", { name: "WhatsApp", exact: true }).click();
    await dashboard.waitForURL(/channel=whatsapp/);
    await dashboard.getByRole("button", { name: "Escalated", exact: true }).click();
    const item = dashboard.getByRole("link", { name: /Ester Escalate/ });
    await item.waitFor({ timeout: 30_000 });
    await screenshot(dashboard, "whatsapp-contacts-02-inbox-escalated");

    // The contact panel shows the customer's phone, not an empty browser session.
    await item.click();
    const panel = dashboard.getByRole("region", { name: "Contact", exact: true });
    await panel.getByRole("heading", { name: "Ester Escalate" }).waitFor();
    await expect
      .poll(
        () =>
          panel
            .getByText("Phone", { exact: true })
            .locator("xpath=following-sibling::dd[1]")
            .textContent(),
        { timeout: 15_000 },
      )
      .toBe(formatted);
    await expect(panel.getByText("Browser", { exact: true }).count()).resolves.toBe(0);
    await screenshot(dashboard, "whatsapp-contacts-03-panel-phone");

    // The inbox search finds the conversation by the phone written as people write it, and
    // leaves out the others.
    const other = await createVisitor(urls, demo.organizationId, "Otto Other");
    await other.send("Where can I see my invoices?");
    await openFromSidebar(dashboard, "Conversations", "/en/conversations");
    await dashboard.getByRole("link", { name: /Otto Other/ }).waitFor({ timeout: 30_000 });
    await dashboard.getByLabel("Search").fill(`(11) ${number.slice(5, 10)}-${number.slice(10)}`);
    await dashboard.getByRole("link", { name: /Ester Escalate/ }).waitFor({ timeout: 30_000 });
    await eventually(
      async () => (await dashboard.getByRole("link", { name: /Otto Other/ }).count()) === 0,
    );
    await screenshot(dashboard, "whatsapp-contacts-04-search-by-phone");

    await dashboard.goto(`${urls.dashboard}/pt-BR/conversations?channel=whatsapp`);
    await dashboard.setViewportSize({ width: 390, height: 844 });
    await dashboard.getByRole("link", { name: /Ester Escalate/ }).click();
    // On a phone the contact panel opens from the conversation's header.
    await dashboard.getByRole("button", { name: "Contato", exact: true }).click();
    const painel = dashboard.getByRole("region", { name: "Contato", exact: true });
    await painel.getByText("Telefone", { exact: true }).waitFor();
    await screenshot(dashboard, "whatsapp-contacts-05-panel-pt-BR-390");
    await dashboard.setViewportSize({ width: 1280, height: 800 });
  });

  it("an operator opens a contact and sees conversations from the widget and WhatsApp", async () => {
    const { number } = newNumber(1);
    const NAME = "Wanda Widget";
    const visitor = await createVisitor(urls, demo.organizationId, NAME);
    await visitor.send("How do I reset my password?");
    await eventually(async () => (await visitor.messages()).some((m) => m.author === "agent"));

    // The operator adds the customer's WhatsApp number to the contact the widget visit made.
    await dashboard.goto(`${urls.dashboard}/en/contacts`);
    await dashboard.getByLabel("Search").fill("Wanda Widget");
    await dashboard.getByRole("link", { name: NAME }).click();
    await dashboard.getByRole("heading", { name: NAME, level: 1 }).waitFor();
    await dashboard.getByRole("button", { name: "Edit" }).click();
    await dashboard.getByLabel("Phone numbers").fill(number);
    await dashboard.getByRole("button", { name: "Save changes" }).click();
    await dashboard.getByRole("button", { name: "Edit" }).waitFor();

    // The customer writes from WhatsApp with that number.
    await openPhone(number, "Wanda on WhatsApp");
    await sendFromPhone("Hello from WhatsApp: how do I reset my password?");
    await fromBusiness().first().waitFor({ timeout: 60_000 });

    const timeline = dashboard.getByRole("region", { name: "Conversations" });
    await eventually(async () => (await timeline.getByRole("link").count()) === 2, 30_000);
    const channels = await timeline.getByRole("link").allTextContents();
    expect(channels.some((text) => text.startsWith("WhatsApp"))).toBe(true);
    expect(channels.some((text) => text.startsWith("Chat"))).toBe(true);
    await screenshot(dashboard, "whatsapp-contacts-06-contact-both-channels");

    await chooseLanguage(dashboard, "pt-BR");
    await dashboard.setViewportSize({ width: 390, height: 844 });
    const linha = dashboard.getByRole("region", { name: "Conversas" });
    await eventually(async () => (await linha.getByRole("link").count()) === 2);
    expect(await linha.getByRole("link").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^WhatsApp/), expect.stringMatching(/^Chat/)]),
    );
    await screenshot(dashboard, "whatsapp-contacts-07-contact-pt-BR-390");
    await dashboard.setViewportSize({ width: 1280, height: 800 });
  });

  it("Analytics splits the period's conversations by channel, in English and Portuguese", async () => {
    await dashboard.goto(`${urls.dashboard}/en/analytics`);
    const whatsapp = dashboard.getByTestId("channel-analytics-whatsapp");
    await whatsapp.waitFor({ timeout: 30_000 });
    const cells = await whatsapp.getByRole("cell").allTextContents();
    expect(cells[0]).toBe("WhatsApp");
    // At least this journey's two WhatsApp customers.
    expect(Number(cells[1])).toBeGreaterThanOrEqual(2);
    expect(
      Number(
        await dashboard
          .getByTestId("channel-analytics-chat")
          .getByRole("cell")
          .nth(1)
          .textContent(),
      ),
    ).toBeGreaterThanOrEqual(2);
    await dashboard.getByRole("heading", { name: "By channel" }).scrollIntoViewIfNeeded();
    await screenshot(dashboard, "whatsapp-contacts-08-analytics-by-channel");
    await chooseLanguage(dashboard, "pt-BR");
    await dashboard.setViewportSize({ width: 390, height: 844 });
    await dashboard.getByRole("heading", { name: "Por canal" }).scrollIntoViewIfNeeded();
    await expect
      .poll(
        () =>
          dashboard.getByTestId("channel-analytics-voice").getByRole("cell").first().textContent(),
        { timeout: 15_000 },
      )
      .toBe("Voz");
    await screenshot(dashboard, "whatsapp-contacts-09-analytics-pt-BR-390");
    await dashboard.setViewportSize({ width: 1280, height: 800 });
  });
});
