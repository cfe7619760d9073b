import { join } from "node:path";
import { pathToFileURL } from "node:url";

import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { setBackendEnv } from "./harness/fake-vapi";
import { chooseLanguage, openFromSidebar } from "./harness/navigation";
import { repoRoot } from "./harness/paths";
import { submitSignUp } from "./harness/sign-in";

// The fake runs as Node runs the simulator (type-stripped .ts), outside the app's type check.
type FakeCloudApi = {
  url: string;
  ids: { phoneNumberId: string; businessAccountId: string };
  accessToken: string;
  appSecret: string;
  setWebhook: (url: string | null) => void;
  sent: () => { id: string; to: string; type: string; body: Record<string, unknown> }[];
  sendFromPhone: (input: {
    phone: string;
    name?: string;
    text?: string;
    timestamp?: number;
  }) => Promise<{ id: string; response: Response }>;
  close: () => Promise<void>;
};

async function startFakeCloudApi(): Promise<FakeCloudApi> {
  const fake = (await import(
    pathToFileURL(join(repoRoot, "packages/whatsapp-sim/src/index.ts")).href
  )) as { startFakeCloudApi: () => Promise<FakeCloudApi> };
  return await fake.startFakeCloudApi();
}

// An admin of a new organization connects a WhatsApp Cloud API number (a fake of Meta's Graph
// API): a signed customer message appears in the inbox with the WhatsApp badge, the agent's answer
// reaches the fake's /messages, and past the 24-hour window the operator sends an approved template.
describe("WhatsApp through the Cloud API", () => {
  const urls = inject("urls");
  const adminKey = inject("adminKey");
  let cloud: FakeCloudApi;
  let browser: TestBrowser;
  let page: Page;
  const stamp = String(Date.now()).slice(-8);
  const fresh = `+55219${stamp}`;
  const stale = `+55218${stamp}`;
  const textsTo = (phone: string) =>
    cloud.sent().filter((message) => message.to === phone.slice(1));

  beforeAll(async () => {
    cloud = await startFakeCloudApi();
    await setBackendEnv(urls.backend, adminKey, { WHATSAPP_CLOUD_API_URL: cloud.url });
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.goto(`${urls.dashboard}/en/sign-up`);
    await page.getByLabel("Your name").fill("Clara Cloud");
    await page.getByLabel("Email").fill(`clara-${stamp}@example.com`);
    await page.getByLabel("Password").fill("cloud password 123");
    await submitSignUp(page);
    await page.waitForURL(`${urls.dashboard}/en/organizations`);
    await page.getByLabel("New organization name").fill("Cloud Clinic");
    await page.getByRole("button", { name: "Create organization" }).click();
    await page.getByTestId("organization-name").getByText("Cloud Clinic").waitFor();
  });

  afterAll(async () => {
    await browser?.dispose();
    await cloud?.close();
    await setBackendEnv(urls.backend, adminKey, { WHATSAPP_CLOUD_API_URL: null });
  });

  it("an admin connects the number and gets the webhook URL and verify token for Meta", async () => {
    await openFromSidebar(page, "Integrations", "/en/integrations");
    await page.getByRole("button", { name: "WhatsApp Cloud API (Meta)" }).click();
    await page.getByLabel("Phone number ID").fill(cloud.ids.phoneNumberId);
    await page.getByLabel("WhatsApp Business Account ID").fill(cloud.ids.businessAccountId);
    await page.getByLabel("Access token").fill("not the token");
    await page.getByLabel("App secret").fill(cloud.appSecret);
    await page.getByRole("button", { name: "Connect" }).click();
    const card = page.locator('section[aria-labelledby="whatsapp-title"]');
    await card.getByRole("alert").waitFor({ timeout: 30_000 });
    await page.getByLabel("Access token").fill(cloud.accessToken);
    await page.getByRole("button", { name: "Connect" }).click();
    const webhook = page.getByTestId("whatsapp-webhook-url");
    await webhook.waitFor({ timeout: 30_000 });
    const webhookUrl = (await webhook.textContent())!;
    expect(webhookUrl).toMatch(/\/webhooks\/whatsapp\/cloud\/\w+$/);
    const token = (await page.getByTestId("whatsapp-verify-token").textContent())!;
    const handshake = await fetch(
      `${webhookUrl}?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=4242`,
    );
    expect(await handshake.text()).toBe("4242");
    cloud.setWebhook(webhookUrl);
    await webhook.scrollIntoViewIfNeeded();
    await screenshot(page, "whatsapp-cloud-01-connected-en-1280");
    await chooseLanguage(page, "pt-BR");
    await page.getByTestId("whatsapp-verify-token").waitFor({ timeout: 30_000 });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId("whatsapp-verify-token").scrollIntoViewIfNeeded();
    await screenshot(page, "whatsapp-cloud-02-connected-pt-BR-390");
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  it("a signed message is in the inbox with the WhatsApp badge, and the agent's answer reaches Meta", async () => {
    const { response } = await cloud.sendFromPhone({
      phone: fresh,
      name: "Fabio Fresh",
      text: "How do I reset my password?",
    });
    expect(response.status).toBe(200);
    await page.goto(`${urls.dashboard}/en/conversations?channel=whatsapp`);
    const item = page.getByRole("link", { name: /Fabio Fresh/ });
    await item.waitFor({ timeout: 30_000 });
    expect(await item.getByTestId("channel-badge").getAttribute("data-channel")).toBe("whatsapp");
    await expect.poll(() => textsTo(fresh).length, { timeout: 60_000 }).toBeGreaterThan(0);
    expect(textsTo(fresh)[0]!.type).toBe("text");
    await screenshot(page, "whatsapp-cloud-03-inbox-badge");
  });

  it("past the 24-hour window the operator picks an approved template, fills it and sends it", async () => {
    const dayAndAnHourAgo = Math.floor(Date.now() / 1000) - 25 * 60 * 60;
    await cloud.sendFromPhone({
      phone: stale,
      name: "Olga Old",
      text: "I need a person about my order",
      timestamp: dayAndAnHourAgo,
    });
    // Still on the WhatsApp inbox, which lists her as soon as she writes.
    await page.getByRole("link", { name: /Olga Old/ }).click({ timeout: 30_000 });
    const closed = page.getByTestId("whatsapp-window-closed");
    await closed.waitFor({ timeout: 30_000 });
    await page.getByLabel("Reply").fill("A free-form reply");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.getByText("WhatsApp only allows an approved template now").waitFor();

    await closed.getByRole("button", { name: "Choose a template" }).click();
    await closed.getByTestId("template-preview").waitFor({ timeout: 30_000 });
    await closed.getByLabel("Value {{1}}").fill("Olga");
    await closed.getByLabel("Value {{2}}").fill("A-77");
    expect(await closed.getByTestId("template-preview").textContent()).toBe(
      "Hello Olga, your order A-77 has an update. Reply to continue.",
    );
    await screenshot(page, "whatsapp-cloud-04-template-picker");
    await closed.getByRole("button", { name: "Send template" }).click();
    await expect
      .poll(() => textsTo(stale).map((message) => message.type), { timeout: 30_000 })
      .toEqual(["template"]);
    expect(textsTo(stale)[0]!.body.template).toMatchObject({
      name: "order_update",
      components: [{ parameters: [{ text: "Olga" }, { text: "A-77" }] }],
    });
    const thread = page.getByRole("region", { name: "Conversation", exact: true });
    await thread
      .locator('article[data-author="operator"]')
      .getByText("your order A-77 has an update")
      .waitFor({ timeout: 30_000 });
    await screenshot(page, "whatsapp-cloud-05-template-sent");
    await chooseLanguage(page, "pt-BR");
    await page.getByTestId("whatsapp-window-closed").waitFor({ timeout: 30_000 });
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, "whatsapp-cloud-06-window-closed-pt-BR-390");
    await page.setViewportSize({ width: 1280, height: 800 });
  });
});
