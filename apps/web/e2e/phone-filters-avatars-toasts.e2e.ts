import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { tealSquarePng } from "./harness/png";
import { chooseLanguage, openFromSidebar } from "./harness/navigation";
import { signInAsDemoOperator } from "./harness/sign-in";
import { createVisitor, eventually } from "./harness/visitor";

/** Whether the element's text is cut off (an ellipsis or a clip) inside its own box. */
async function truncated(page: Page, selector: string) {
  return await page
    .locator(selector)
    .evaluate((element) => element.scrollWidth > element.clientWidth + 0.5);
}

describe("the inbox's filters on a phone, avatars in a conversation, and action toasts", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;
  let page: Page;
  let conversationId: string;

  beforeAll(async () => {
    browser = await launchBrowser({ touch: true });
    await browser.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: urls.dashboard,
    });
    page = await browser.newPage();
    await signInAsDemoOperator(page, urls.dashboard, demo.login, { at: "/pt-BR/conversations" });
    const visitor = await createVisitor(urls, demo.organizationId, "Paula Polish");
    await visitor.send("Hello! I would like to talk to a person, please.");
    await eventually(async () => (await visitor.conversation()).status === "escalated");
    conversationId = visitor.conversationId;
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  // The sign-in landed on the inbox in pt-BR; each test reaches its screen as an operator does,
  // with the sidebar's language picker and links (the picker is in the sidebar at 1280 px wide).
  it("in pt-BR at 390×844, folds the filters behind Filtros; opened, the contact stage reads in full", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const toggle = page.getByRole("button", { name: /^Filtros/ });
    await toggle.waitFor();
    const stage = page.getByRole("combobox", { name: "Estágio do contato" });
    await expect(stage.isVisible()).resolves.toBe(false);
    await page.getByRole("link", { name: /Paula Polish/ }).waitFor();
    await screenshot(page, "phone-filters-01-folded-pt-BR");

    await toggle.click();
    await expect(toggle.getAttribute("aria-expanded")).resolves.toBe("true");
    await stage.waitFor();
    await expect(stage.textContent()).resolves.toBe("Qualquer estágio do contato");
    await expect(truncated(page, '[data-testid="contact-stage-filter"]')).resolves.toBe(false);
    await screenshot(page, "phone-filters-02-open-pt-BR");
  });

  it("at 1280×800 shows every filter with no Filters button", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await chooseLanguage(page, "en");
    await page.getByRole("combobox", { name: "Contact stage" }).waitFor();
    await expect(page.getByRole("button", { name: /^Filters/ }).isVisible()).resolves.toBe(false);
    await screenshot(page, "phone-filters-03-desktop-en");
  });

  it("at 1280×800 in pt-BR, every filter's value reads in full in the 320 px list column", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await chooseLanguage(page, "pt-BR");
    const list = page.getByRole("region", { name: "Conversas", exact: true });
    await list.getByRole("combobox", { name: "Estágio do contato" }).waitFor();
    const triggers = list.locator("[data-slot=select-trigger]");
    await expect(triggers.count()).resolves.toBeGreaterThanOrEqual(6);
    // A trigger's first child is the picked value's text: cut inside itself or past the trigger.
    const cut = await triggers.evaluateAll((all) =>
      all
        .filter((trigger) => {
          const value = trigger.firstElementChild as HTMLElement;
          return (
            trigger.scrollWidth > trigger.clientWidth + 0.5 ||
            value.scrollWidth > value.clientWidth + 0.5
          );
        })
        .map((trigger) => trigger.textContent),
    );
    expect(cut).toEqual([]);
    await screenshot(page, "phone-filters-04-desktop-pt-BR");
  });

  it("gives the conversation's header and each message an avatar, in en and pt-BR", async () => {
    // The list's link opens the conversation; the language picker then shows it in each language.
    await page.locator(`a[href*="/conversations/${conversationId}"]`).click();
    await page.waitForURL((url) => url.pathname.endsWith(`/conversations/${conversationId}`));
    for (const [locale, width, height] of [
      ["en", 1280, 800],
      ["pt-BR", 390, 844],
    ] as const) {
      await chooseLanguage(page, locale);
      await page.setViewportSize({ width, height });
      const thread = page.getByRole("region", {
        name: locale === "en" ? "Conversation" : "Conversa",
        exact: true,
      });
      await thread.getByRole("heading", { name: "Paula Polish" }).waitFor();
      await expect(thread.locator("header [data-slot=avatar]").textContent()).resolves.toBe("PP");
      const visitorMessage = thread.locator("article[data-author=contact]").first();
      await expect(visitorMessage.locator("[data-slot=avatar]").textContent()).resolves.toBe("PP");
      await thread.locator("article[data-author=agent] [data-slot=avatar] svg").first().waitFor();
      await screenshot(page, `conversation-avatars-${locale}-${width}`);
    }
  });

  it("confirms a copied embed snippet and a saved profile with a toast, in en and pt-BR", async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await chooseLanguage(page, "en");
    await openFromSidebar(page, "Integrations", "/en/integrations");
    await page.getByTestId("embed-snippet").waitFor();
    await page.getByRole("button", { name: "Copy code" }).click();
    const toasts = page.getByRole("region", { name: /Notifications/ });
    await toasts.getByText("Copied to the clipboard: HTML embed code.").waitFor();
    await screenshot(page, "toast-01-copied-en");

    await chooseLanguage(page, "pt-BR");
    await openFromSidebar(page, "Configurações", "/pt-BR/settings/profile");
    await page.getByRole("button", { name: "Salvar perfil" }).click();
    await page
      .getByRole("region", { name: /Notificações/ })
      .getByText("Perfil: alterações salvas.")
      .waitFor();
    await screenshot(page, "toast-02-profile-saved-pt-BR");
  });

  it("keeps a member's picked avatar, cropped and scaled, across a reload, and removes it", async () => {
    await chooseLanguage(page, "en");
    await page
      .getByLabel("Avatar", { exact: true })
      .setInputFiles({ name: "me.png", mimeType: "image/png", buffer: tealSquarePng() });
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Profile saved.", { exact: true }).waitFor();
    await page.reload();
    const avatar = page.getByRole("img", { name: "Your avatar" });
    await avatar.waitFor();
    const drawn = await avatar.evaluate((image: HTMLImageElement) => ({
      src: image.src.slice(0, 23),
      width: image.naturalWidth,
      height: image.naturalHeight,
    }));
    expect(drawn).toEqual({ src: "data:image/jpeg;base64,", width: 96, height: 96 });
    await screenshot(page, "profile-avatar-en");

    await page.getByRole("button", { name: "Remove avatar" }).click();
    await page.getByRole("button", { name: "Save profile" }).click();
    await page.getByText("Profile saved.", { exact: true }).waitFor();
    await page.reload();
    await page.getByRole("button", { name: "Save profile" }).waitFor();
    expect(await page.getByRole("img", { name: "Your avatar" }).count()).toBe(0);
  });
});
