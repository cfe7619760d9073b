import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import widgetEn from "../../widget/messages/en.json";
import widgetPtBr from "../../widget/messages/pt-BR.json";
import dashboardEn from "../messages/en.json";
import dashboardPtBr from "../messages/pt-BR.json";
import { seriousViolations } from "./harness/axe";
import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { setBackendEnv, startFakeVapi } from "./harness/fake-vapi";
import { chooseLanguage, openFromSidebar } from "./harness/navigation";
import { signInAsDemoOperator } from "./harness/sign-in";
import { createVisitor } from "./harness/visitor";

const LOCALES = [
  { locale: "en", widget: widgetEn, dashboard: dashboardEn },
  { locale: "pt-BR", widget: widgetPtBr, dashboard: dashboardPtBr },
] as const;

/** Each dashboard section with its link in the sidebar (a key of dashboard.nav). */
const DASHBOARD_SECTIONS = [
  { section: "conversations", link: "conversations" },
  { section: "knowledge-base", link: "knowledgeBase" },
  { section: "analytics", link: "analytics" },
  { section: "team", link: "team" },
  { section: "integrations", link: "integrations" },
  { section: "plugins/vapi", link: "voice" },
  { section: "customization", link: "customization" },
  { section: "billing", link: "billing" },
] as const;

// axe-core over every screen of the widget and the dashboard, in both languages: no serious or
// critical violation (contrast, names, labels, landmarks).
describe("every screen passes an axe audit", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  const adminKey = inject("adminKey");
  let vapi: Awaited<ReturnType<typeof startFakeVapi>>;
  let operatorBrowser: TestBrowser;
  let operator: Page;
  let conversationId: string;
  // One signed-out browser per language serves the widget and the dashboard's sign-in screens.
  const visitorBrowsers = new Map<string, Promise<TestBrowser>>();
  const visitorBrowser = (locale: string) => {
    if (!visitorBrowsers.has(locale)) visitorBrowsers.set(locale, launchBrowser({ locale }));
    return visitorBrowsers.get(locale)!;
  };

  beforeAll(async () => {
    // Voice and "Call us" appear in the widget only once Vapi is connected and offered.
    vapi = await startFakeVapi({ privateKeys: ["sk_a11y"], publicKeys: ["pk_a11y"] });
    await setBackendEnv(urls.backend, adminKey, { VAPI_API_URL: vapi.url });
    operatorBrowser = await launchBrowser();
    operator = await operatorBrowser.newPage();
    await signInAsDemoOperator(operator, urls.dashboard, demo.login, { at: "/en/plugins/vapi" });
    // A journey that ran before on this stack may have left the plugin connected to its own fake.
    const state = operator.getByTestId("vapi-state");
    await state.getByText(/^(Connected|Not connected)$/).waitFor();
    if (await state.getByText("Connected", { exact: true }).isVisible()) {
      await operator.getByRole("button", { name: "Disconnect" }).click();
      await state.getByText("Not connected", { exact: true }).waitFor();
    }
    await operator.getByLabel("Private API key").fill("sk_a11y");
    await operator.getByLabel("Public key").fill("pk_a11y");
    await operator.getByRole("button", { name: "Connect" }).click();
    await operator.getByTestId("vapi-state").getByText("Connected", { exact: true }).waitFor();
    await setVoiceOffer(operator, { assistantId: "asst_frontdesk", phoneNumber: "+15550100" });
    const visitor = await createVisitor(urls, demo.organizationId, "Ada Audit");
    await visitor.send("Hello! I would like to talk to a person, please.");
    conversationId = visitor.conversationId;
  });

  afterAll(async () => {
    if (operator) {
      // The last audit left the dashboard in pt-BR; the clean-up reads it in English.
      await chooseLanguage(operator, "en");
      await setVoiceOffer(operator, { assistantId: "", phoneNumber: "" });
      await operator.getByRole("link", { name: "Voice assistant" }).click();
      await operator.getByRole("button", { name: "Disconnect" }).click();
      await operator
        .getByTestId("vapi-state")
        .getByText("Not connected", { exact: true })
        .waitFor();
    }
    if (vapi) await setBackendEnv(urls.backend, adminKey, { VAPI_API_URL: null });
    const visitors = await Promise.all(visitorBrowsers.values());
    await Promise.all([
      operatorBrowser?.dispose(),
      vapi?.close(),
      ...visitors.map((browser) => browser.dispose()),
    ]);
  });

  for (const { locale, widget: text } of LOCALES) {
    describe(`the widget in ${locale}`, () => {
      let page: Page;
      const audit = async (name: string) => {
        await screenshot(page, `a11y-widget-${locale}-${name}`);
        expect(await seriousViolations(page), `widget ${name} (${locale})`).toEqual([]);
      };

      beforeAll(async () => {
        page = await (await visitorBrowser(locale)).newPage();
        await page.setViewportSize({ width: 400, height: 700 });
      });

      afterAll(async () => {
        await page?.close();
      });

      it("the launcher on the host page", async () => {
        await page.goto(urls.demo);
        await page.getByRole("button", { name: /Support chat|Chat de suporte/ }).waitFor();
        await audit("launcher");
      });

      it("the error screen", async () => {
        await page.goto(`${urls.widget}/?organizationId=org_missing&locale=${locale}`);
        await page.getByText(text.error.title).waitFor();
        await audit("error");
      });

      it("the form", async () => {
        await page.goto(`${urls.widget}/?organizationId=${demo.organizationId}&locale=${locale}`);
        await page.getByLabel(text.auth.name, { exact: true }).waitFor();
        await audit("form");
      });

      it("the choices", async () => {
        await page.getByLabel(text.auth.name, { exact: true }).fill("Alex Audit");
        await page.getByLabel(text.auth.email, { exact: true }).fill("alex@audit.example");
        await page.getByRole("button", { name: text.auth.submit }).click();
        await page.getByRole("button", { name: text.selection.voiceCall }).waitFor();
        await audit("choices");
      });

      it("the voice screen", async () => {
        await page.getByRole("button", { name: text.selection.voiceCall }).click();
        await page.getByRole("button", { name: text.voice.start }).waitFor();
        await audit("voice");
        await page.getByRole("button", { name: text.widget.back }).click();
      });

      it("the call-us screen", async () => {
        await page.getByRole("button", { name: text.selection.callUs }).click();
        await page.getByRole("button", { name: text.contact.copy }).waitFor();
        await audit("call-us");
        await page.getByRole("button", { name: text.widget.back }).click();
      });

      it("the chat, with an answer", async () => {
        await page.getByRole("button", { name: text.selection.startChat }).click();
        const composer = page.getByRole("textbox", { name: text.chat.composerLabel, exact: true });
        await composer.fill("How do I reset my password?");
        await page.getByRole("button", { name: text.chat.send }).click();
        await page.getByText(/account-security\.md/).waitFor({ timeout: 30_000 });
        await audit("chat");
      });

      it("past conversations", async () => {
        await page.getByRole("button", { name: text.widget.back }).click();
        await page.getByRole("button", { name: text.selection.inbox }).click();
        await page.getByRole("paragraph").filter({ hasText: text.inbox.title }).waitFor();
        const statuses = Object.values(text.inbox.status).join("|");
        await page
          .getByText(new RegExp(`^(${statuses})$`))
          .first()
          .waitFor();
        await audit("inbox");
      });
    });
  }

  for (const { locale, dashboard: text } of LOCALES) {
    describe(`the dashboard in ${locale}`, () => {
      const audit = async (page: Page, name: string) => {
        await page.locator("h1").first().waitFor();
        await screenshot(page, `a11y-dashboard-${locale}-${name.replaceAll("/", "-")}`);
        expect(await seriousViolations(page), `dashboard ${name} (${locale})`).toEqual([]);
      };

      it("sign-in and sign-up", async () => {
        const page = await (await visitorBrowser(locale)).newPage();
        try {
          await page.goto(`${urls.dashboard}/${locale}/sign-in`);
          await audit(page, "sign-in");
          await page.getByRole("link", { name: text.auth.signUp.action, exact: true }).click();
          await page.waitForURL(`${urls.dashboard}/${locale}/sign-up`);
          await audit(page, "sign-up");
        } finally {
          await page.close();
        }
      });

      // Every section is reached as an operator does: the language by the sidebar's picker, then
      // the sidebar's links, so every audit runs in the one document axe is loaded in.
      const openSection = async (link: keyof typeof text.dashboard.nav, section: string) => {
        await chooseLanguage(operator, locale);
        await openFromSidebar(operator, text.dashboard.nav[link], `/${locale}/${section}`);
      };

      for (const { section, link } of DASHBOARD_SECTIONS) {
        it(section, async () => {
          await openSection(link, section);
          await audit(operator, section);
        });
      }

      it("the inbox in the dark theme, which stays chosen after a reload", async () => {
        await openSection("conversations", "conversations");
        const toggle = operator
          .getByRole("button", { name: locale === "en" ? "Dark theme" : "Tema escuro" })
          .first();
        try {
          // The toggle is disabled until the page has hydrated; the click waits for it.
          await toggle.click();
          await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("true");
          await operator.reload();
          await expect
            .poll(() =>
              operator.evaluate(() => document.documentElement.classList.contains("dark")),
            )
            .toBe(true);
          await audit(operator, "conversations-dark");
          await toggle.click();
          await expect.poll(() => toggle.getAttribute("aria-pressed")).toBe("false");
        } finally {
          // The other screens are audited in the light theme.
          await operator.context().clearCookies({ name: "echo-theme" });
        }
      });

      it("a conversation", async () => {
        await operator.locator(`a[href^="/${locale}/conversations/${conversationId}"]`).click();
        await operator.waitForURL(
          new RegExp(`^${urls.dashboard}/${locale}/conversations/${conversationId}(\\?|$)`),
        );
        await operator.locator('article[data-author="contact"]').first().waitFor();
        await audit(operator, "conversation");
      });
    });
  }
});

/**
 * Offers (or withdraws) voice and "Call us" in the widget from Widget customization, picking the
 * fake Vapi's assistant and number from the lists Vapi returns.
 */
async function setVoiceOffer(
  page: Page,
  { assistantId, phoneNumber }: { assistantId: string; phoneNumber: string },
) {
  await openFromSidebar(page, "Widget customization", "/en/customization");
  const enabled = page.getByLabel("Offer voice calls in the widget");
  await enabled.setChecked(Boolean(assistantId));
  const pick = async (field: string, option: string) => {
    await page.getByRole("combobox", { name: field }).click();
    await page.getByRole("option", { name: option, exact: true }).click();
  };
  await pick("Voice assistant id", assistantId ? "Front desk" : "None");
  await pick('Phone number for "Call us"', phoneNumber ? `${phoneNumber} (Support line)` : "None");
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByRole("status").getByText("Saved", { exact: false }).waitFor();
}
