import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, screenshot, type TestBrowser } from "./harness/browser";
import { signInAsDemoOperator } from "./harness/sign-in";
import { createVisitor } from "./harness/visitor";

const WIDTH = 375;
const HEIGHT = 812;
const PAGES = [
  "conversations",
  "knowledge-base",
  "customization",
  "integrations",
  "plugins/vapi",
  "analytics",
  "team",
  "billing",
];
// Portuguese labels run longer, so every page is measured in both languages.
const CASES = ["en", "pt-BR"].flatMap((locale) => PAGES.map((path) => ({ locale, path })));

/** How wide the page scrolls, and the elements that stick out past the viewport's right edge. */
async function overflow(page: Page) {
  return await page.evaluate((width) => {
    const scrollWidth = document.scrollingElement!.scrollWidth;
    const wide = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > width + 0.5)
      .filter((element) => getComputedStyle(element).visibility !== "hidden")
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`.slice(0, 120));
    return { scrollWidth, wide };
  }, WIDTH);
}

/**
 * Opens `/<locale>/<path>` as a phone user does: the top bar's menu, then its language picker if
 * the language differs, then the section's link. A link click closes the drawer; a language change
 * may leave it open, so it is closed before the page is measured.
 */
async function openSection(page: Page, dashboard: string, locale: string, path: string) {
  const url = `${dashboard}/${locale}/${path}`;
  const drawer = page.getByRole("dialog", { name: "Echo" });
  const openMenu = () =>
    page.getByRole("button", { name: /^(Open the menu|Abrir o menu)$/ }).click();
  if (page.url() !== url && !page.url().startsWith(`${url}?`)) {
    await openMenu();
    const [current] = new URL(page.url()).pathname.split("/").slice(1);
    await drawer.locator(`nav a[href="/${current}/${path}"]`).click();
    await page.waitForURL(`${dashboard}/${current}/${path}`);
    await drawer.waitFor({ state: "detached" });
  }
  if (page.url() !== url) {
    await openMenu();
    await drawer.getByLabel(/^(Language|Idioma)$/).selectOption(locale);
    await page.waitForURL(url);
    if (await drawer.isVisible()) await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "detached" });
  }
}

describe("the dashboard at 375 px wide", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let browser: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser({ touch: true });
    page = await browser.newPage();
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
    await signInAsDemoOperator(page, urls.dashboard, demo.login);
  });

  afterAll(async () => {
    await browser?.dispose();
  });

  it.each(CASES)(
    "/$locale/$path fits the width, with no sideways scrolling",
    async ({ locale, path }) => {
      await openSection(page, urls.dashboard, locale, path);
      await page.locator("main h1").first().waitFor();
      await page.waitForLoadState("networkidle");
      const measured = await overflow(page);
      await screenshot(page, `narrow-${locale}-${path.replace("/", "-")}`);
      expect(measured.scrollWidth, JSON.stringify(measured.wide)).toBeLessThanOrEqual(WIDTH);
    },
  );

  it("moves between sections with the drawer's navigation, whose labels fit, and can sign out from it", async () => {
    await openSection(page, urls.dashboard, "pt-BR", "conversations");
    const openMenu = () => page.getByRole("button", { name: "Abrir o menu" }).click();
    await openMenu();
    const drawer = page.getByRole("dialog", { name: "Echo" });
    const navigation = drawer.getByRole("navigation", { name: "Navegação principal" });
    const links = navigation.getByRole("link");
    await expect(links.count()).resolves.toBe(10);
    // Every label shows in full, each beside its icon.
    const clipped = await links.evaluateAll((all) =>
      all
        .filter((link) => link.scrollWidth > link.clientWidth || !link.querySelector("svg"))
        .map((link) => link.textContent),
    );
    expect(clipped).toEqual([]);
    await expect(
      navigation.getByRole("link", { name: "Personalização do widget" }).isVisible(),
    ).resolves.toBe(true);
    await expect(drawer.getByLabel("Idioma").inputValue()).resolves.toBe("pt-BR");
    await screenshot(page, "narrow-navigation-drawer");

    await navigation.getByRole("link", { name: "Plano e cobrança" }).click();
    await page.waitForURL(`${urls.dashboard}/pt-BR/billing`);
    await drawer.waitFor({ state: "detached" });
    await openMenu();
    await navigation.getByRole("link", { name: "Base de conhecimento" }).click();
    await page.waitForURL(`${urls.dashboard}/pt-BR/knowledge-base`);
    await openMenu();
    await expect(drawer.getByRole("button", { name: "Sair" }).isVisible()).resolves.toBe(true);
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "detached" });
  });

  it("shows the whole Portuguese search placeholder", async () => {
    await openSection(page, urls.dashboard, "pt-BR", "conversations");
    const search = page.getByRole("searchbox", { name: "Buscar conversas" });
    const fit = await search.evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement("canvas").getContext("2d")!;
      context.font = `${style.fontSize} ${style.fontFamily}`;
      const room =
        input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return { text: context.measureText(input.placeholder).width, room };
    });
    expect(fit.text).toBeLessThanOrEqual(fit.room);
  });

  it("works the inbox one pane at a time: list, conversation, back", async () => {
    const visitor = await createVisitor(urls, demo.organizationId, "Nadia Narrow");
    await visitor.send("Hello from a phone-sized screen");
    await openSection(page, urls.dashboard, "en", "conversations");
    const list = page.getByRole("region", { name: "Conversations", exact: true });
    await list.getByRole("link", { name: /Nadia Narrow/ }).click();

    const thread = page.getByRole("region", { name: "Conversation", exact: true });
    await thread.getByRole("heading", { name: "Nadia Narrow" }).waitFor();
    await thread.getByText("Hello from a phone-sized screen", { exact: true }).waitFor();
    await expect(list.isVisible()).resolves.toBe(false);
    // The reply box and its send button are on screen without scrolling.
    const reply = page.getByLabel("Reply");
    const send = page.getByRole("button", { name: "Send" });
    for (const box of [(await reply.boundingBox())!, (await send.boundingBox())!]) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(WIDTH);
      expect(box.y + box.height).toBeLessThanOrEqual(HEIGHT);
    }
    await expect(page.evaluate(() => window.scrollY)).resolves.toBe(0);
    expect((await overflow(page)).scrollWidth).toBeLessThanOrEqual(WIDTH);
    // A touch screen has no Ctrl key: the composer does not offer Ctrl+Enter.
    await expect(page.getByText("Ctrl+Enter to send").isVisible()).resolves.toBe(false);
    await screenshot(page, "narrow-conversation");

    // The contact panel, beside the thread on wide screens, opens as a dialog here.
    await thread.getByRole("button", { name: "Contact" }).click();
    const contact = page.getByRole("dialog", { name: "Contact" });
    await contact.getByText("Session started").waitFor();
    // Long values wrap inside the panel instead of being cut off.
    const clipped = await contact
      .locator("dd")
      .evaluateAll((values) =>
        values.filter((value) => value.scrollWidth > value.clientWidth).map((v) => v.textContent),
      );
    expect(clipped).toEqual([]);
    await screenshot(page, "narrow-contact");
    await page.keyboard.press("Escape");
    await contact.waitFor({ state: "detached" });

    await thread.getByRole("link", { name: "Back" }).click();
    await page.waitForURL(`${urls.dashboard}/en/conversations`);
    await list.getByRole("link", { name: /Nadia Narrow/ }).waitFor();
    await expect(thread.count()).resolves.toBe(0);
    await screenshot(page, "narrow-conversations-back");
  });

  it("at 390 px in pt-BR, stacks Analytics' By channel table into cards and shows every Settings section", async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const onScreen = (box: { x: number; width: number } | null) =>
      box !== null && box.x >= 0 && box.x + box.width <= 390.5;

    await openSection(page, urls.dashboard, "pt-BR", "analytics");
    // The table's own box (the section around it is named by the same heading).
    const byChannel = page.locator('[role=region][aria-label="Por canal"]');
    await byChannel.locator("table").waitFor();
    // Each channel stacks into a card: every figure, with its column's name, is on screen.
    await expect(byChannel.evaluate((box) => box.scrollWidth <= box.clientWidth)).resolves.toBe(
      true,
    );
    const offScreenCells = [];
    for (const cell of await byChannel.locator("td").all())
      if (!onScreen(await cell.boundingBox())) offScreenCells.push(await cell.textContent());
    expect(offScreenCells).toEqual([]);
    await expect(
      byChannel
        .locator("td[data-label]")
        .first()
        .evaluate((cell) => getComputedStyle(cell, "::before").content),
    ).resolves.toBe('"Conversas"');
    await screenshot(page, "narrow-390-analytics-by-channel-pt-BR");

    await page.getByRole("button", { name: "Abrir o menu" }).click();
    await page
      .getByRole("dialog", { name: "Echo" })
      .getByRole("link", { name: "Configurações" })
      .click();
    await page.waitForURL(`${urls.dashboard}/pt-BR/settings/profile`);
    const sections = page.getByRole("navigation", { name: "Seções das configurações" });
    const links = sections.getByRole("link");
    await links.first().waitFor();
    const offScreen = [];
    for (const link of await links.all())
      if (!onScreen(await link.boundingBox())) offScreen.push(await link.textContent());
    expect(offScreen).toEqual([]);
    await screenshot(page, "narrow-390-settings-sections-pt-BR");
    await page.setViewportSize({ width: WIDTH, height: HEIGHT });
  });
});
