import type { Page } from "playwright-core";

/**
 * Switches the dashboard to `locale` with the sidebar's language picker, as an operator does: the
 * same screen in the other language, with no page load. Nothing happens if it is already in it.
 */
export async function chooseLanguage(page: Page, locale: string) {
  const picker = page.getByRole("combobox", { name: /^(Language|Idioma)$/ }).first();
  if ((await picker.inputValue()) === locale) return;
  await picker.selectOption(locale);
  await page.waitForURL((url) => url.pathname.startsWith(`/${locale}/`));
}

/**
 * Opens a dashboard section by its link in the sidebar, named in the page's language, and waits
 * for the screen at `pathname` (where the link leads, after any redirect: Settings opens Profile).
 */
export async function openFromSidebar(page: Page, name: string, pathname: string) {
  await follow(page, /^(Main navigation|Navegação principal)$/, name, pathname);
}

/** Opens a section of Settings by its link in Settings' own navigation, from a Settings screen. */
export async function openSettingsSection(page: Page, name: string, pathname: string) {
  await follow(page, /^(Settings sections|Seções das configurações)$/, name, pathname);
}

async function follow(page: Page, navigation: RegExp, name: string, pathname: string) {
  await page
    .getByRole("navigation", { name: navigation })
    .getByRole("link", { name, exact: true })
    .click();
  await page.waitForURL((url) => url.pathname === pathname);
}
