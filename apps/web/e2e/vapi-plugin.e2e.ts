import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { setBackendEnv, startFakeVapi } from "./harness/fake-vapi";
import { signInAsDemoOperator } from "./harness/sign-in";

describe("voice plugin: connecting Vapi", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  const adminKey = inject("adminKey");
  let vapi: Awaited<ReturnType<typeof startFakeVapi>>;
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    vapi = await startFakeVapi({
      privateKeys: ["sk_private_good"],
      publicKeys: ["pk_public_good"],
    });
    await setBackendEnv(urls.backend, adminKey, { VAPI_API_URL: vapi.url });
    browser = await launchBrowser();
    page = await browser.newPage();
    await signInAsDemoOperator(page, urls.dashboard, demo.login, { at: "/en/plugins/vapi" });
    await page.getByTestId("vapi-state").getByText("Not connected", { exact: true }).waitFor();
  });

  afterAll(async () => {
    await browser?.dispose();
    await setBackendEnv(urls.backend, adminKey, { VAPI_API_URL: null });
    await vapi?.close();
  });

  it("refuses keys Vapi rejects, with the reason, and stores nothing", async () => {
    await page.getByLabel("Private API key").fill("sk_wrong");
    await page.getByLabel("Public key").fill("pk_public_good");
    await page.getByRole("button", { name: "Connect" }).click();
    await page.getByText("The service refused these keys. Check them and try again.").waitFor();
    await page.getByTestId("vapi-state").getByText("Not connected", { exact: true }).waitFor();
  });

  it("connects with good keys and lists the account's assistants and phone numbers", async () => {
    await page.getByLabel("Private API key").fill("sk_private_good");
    await page.getByLabel("Public key").fill("pk_public_good");
    await page.getByRole("button", { name: "Connect" }).click();
    await page.getByTestId("vapi-state").getByText("Connected", { exact: true }).waitFor();
    await page.getByTestId("vapi-assistants").getByText("Front desk").waitFor();
    await page.getByRole("tab", { name: "Phone numbers" }).click();
    await page.getByTestId("vapi-phoneNumbers").getByText("+15550100").waitFor();
    await screenshot(page, "vapi-01-connected");
  });

  it("disconnects", async () => {
    await page.getByRole("button", { name: "Disconnect" }).click();
    await page.getByTestId("vapi-state").getByText("Not connected", { exact: true }).waitFor();
  });
});
