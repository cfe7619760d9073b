import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { tealSquarePng } from "./harness/png";
import { chooseLanguage, openFromSidebar } from "./harness/navigation";
import { signInAsDemoOperator } from "./harness/sign-in";

// A customer writes to the demo organization's WhatsApp number from the simulator's phone page:
// the conversation appears in the inbox as WhatsApp's, the agent's answer and an operator's reply
// reach the phone, and a photo from the phone shows as a thumbnail in the dashboard.
describe("WhatsApp through the local Evolution API simulator", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let phoneBrowser: TestBrowser;
  let operatorBrowser: TestBrowser;
  let phone: Page;
  let dashboard: Page;
  const number = `+55119${String(Date.now()).slice(-8)}`;

  beforeAll(async () => {
    [phoneBrowser, operatorBrowser] = await Promise.all([launchBrowser(), launchBrowser()]);
    phone = await phoneBrowser.newPage();
    dashboard = await operatorBrowser.newPage();
    await signInAsDemoOperator(dashboard, urls.dashboard, demo.login);
    await phone.goto(
      `${urls.whatsapp}/?phone=${encodeURIComponent(number)}&name=${encodeURIComponent("Paula Phone")}`,
    );
  });

  afterAll(async () => {
    await Promise.all([phoneBrowser?.dispose(), operatorBrowser?.dispose()]);
  });

  const fromBusiness = () => phone.locator('li[data-direction="out"]');

  it("the customer's message is in the inbox with a WhatsApp badge, and the agent answers on the phone", async () => {
    await phone.getByLabel("Message").fill("How do I reset my password?");
    await phone.getByRole("button", { name: "Send" }).click();
    await fromBusiness().filter({ hasText: "Forgot password" }).waitFor({ timeout: 60_000 });
    expect(await fromBusiness().first().textContent()).not.toContain("**");
    await screenshot(phone, "whatsapp-01-phone-answer");

    // The operator, on the inbox since signing in, narrows it to WhatsApp.
    await dashboard.getByRole("combobox", { name: "Channel", exact: true }).click();
    await dashboard.getByRole("option", { name: "WhatsApp", exact: true }).click();
    await dashboard.waitForURL(/channel=whatsapp/);
    const item = dashboard.getByRole("link", { name: /Paula Phone/ });
    await item.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => item.getByTestId("channel-badge").getAttribute("data-channel"), {
        timeout: 15_000,
      })
      .toBe("whatsapp");
    await screenshot(dashboard, "whatsapp-02-inbox-badge");
  });

  it("an operator's reply reaches the phone and shows its delivery", async () => {
    await dashboard.getByRole("link", { name: /Paula Phone/ }).click();
    await dashboard.getByLabel("Reply").fill("Hi Paula, **a person** is here now.");
    await dashboard.getByRole("button", { name: "Send" }).click();
    await fromBusiness().filter({ hasText: "Hi Paula, *a person* is here now." }).waitFor({
      timeout: 30_000,
    });
    const thread = dashboard.getByRole("region", { name: "Conversation" });
    const status = thread.getByTestId("delivery-status").last();
    await expect.poll(() => status.getAttribute("data-status"), { timeout: 30_000 }).toBe("read");
    await screenshot(dashboard, "whatsapp-03-operator-reply-read");
  });

  it("a photo from the phone shows as a thumbnail in the dashboard", async () => {
    await phone.getByLabel("Photo").setInputFiles({
      name: "receipt.png",
      mimeType: "image/png",
      buffer: tealSquarePng(),
    });
    await phone.getByLabel("Message").fill("Here is my receipt");
    await phone.getByRole("button", { name: "Send" }).click();
    const thread = dashboard.getByRole("region", { name: "Conversation" });
    const thumbnail = thread.locator('article[data-author="contact"] img').last();
    await thumbnail.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => thumbnail.evaluate((img) => (img as HTMLImageElement).naturalWidth), {
        timeout: 15_000,
      })
      .toBe(24);
    await thread
      .locator('article[data-author="contact"]')
      .getByText("Here is my receipt")
      .waitFor();
    await screenshot(dashboard, "whatsapp-04-photo-thumbnail");
  });

  it("Integrations shows the demo's WhatsApp connection, in English and Portuguese, wide and on a phone", async () => {
    await openFromSidebar(dashboard, "Integrations", "/en/integrations");
    await expect
      .poll(() => dashboard.getByTestId("whatsapp-state").textContent(), { timeout: 30_000 })
      .toBe("Connected");
    expect(await dashboard.getByTestId("whatsapp-webhook-url").textContent()).toMatch(
      /\/webhooks\/whatsapp\/evolution\/\w+$/,
    );
    await dashboard.getByTestId("whatsapp-webhook-url").scrollIntoViewIfNeeded();
    await screenshot(dashboard, "whatsapp-05-integrations-en-1280");
    await chooseLanguage(dashboard, "pt-BR");
    await expect
      .poll(() => dashboard.getByTestId("whatsapp-state").textContent(), { timeout: 30_000 })
      .toBe("Conectado");
    await dashboard.setViewportSize({ width: 390, height: 844 });
    await screenshot(dashboard, "whatsapp-06-integrations-pt-BR-390");
    await dashboard.goto(`${urls.dashboard}/pt-BR/conversations?channel=whatsapp`);
    await dashboard.getByRole("link", { name: /Paula Phone/ }).waitFor({ timeout: 30_000 });
    await screenshot(dashboard, "whatsapp-07-inbox-pt-BR-390");
    await dashboard.setViewportSize({ width: 1280, height: 800 });
  });
});
