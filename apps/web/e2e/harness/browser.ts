import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";

import { resultsDir } from "./paths";

const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export type TestBrowser = BrowserContext & { dispose: () => Promise<void> };

/**
 * Debian's headless Chromium with a fresh profile; dispose() closes it and removes the profile.
 * `locale` sets the browser's language (navigator.language and Accept-Language); `touch` makes it a
 * touch-screen phone (a coarse pointer, as `(pointer: coarse)` sees it).
 */
export async function launchBrowser({
  locale,
  touch = false,
}: { locale?: string; touch?: boolean } = {}): Promise<TestBrowser> {
  const profile = mkdtempSync(join(tmpdir(), "echo-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: locale ? [...CHROMIUM_FLAGS, `--lang=${locale}`] : CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 800 },
    ...(locale ? { locale } : {}),
    ...(touch ? { hasTouch: true, isMobile: true } : {}),
  });
  // Uncaught errors in the page would otherwise only show as a timeout.
  context.on("page", (page) => {
    page.on("pageerror", (error) =>
      console.error(`[browser] page error on ${page.url()}: ${error.stack ?? error.message}`),
    );
  });
  return Object.assign(context, {
    dispose: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  });
}

/** Saves a full-page screenshot under .test-results/e2e/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string) {
  const dir = join(resultsDir, "screenshots");
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}
