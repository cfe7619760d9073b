import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";

import { assertPlaywrightFeaturesKept, CHROMIUM_FLAGS } from "./chromium-flags";
import { resultsDir } from "./paths";

export type TestBrowser = BrowserContext & { dispose: () => Promise<void> };

/**
 * Debian's Chromium headless shell: Chromium without the browser's UI layer, which costs a headless
 * run about a quarter of the full browser's CPU. It has no notification service (a page's
 * notification permission stays "denied"), so contexts that test browser notifications run in the
 * full browser. CHROMIUM_PATH runs every context in the browser it names.
 */
const HEADLESS_SHELL = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium-headless-shell";
const FULL_BROWSER = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

// One Chromium of each kind for the run (the e2e files share a worker): starting one costs seconds
// on a loaded machine, a context on a running one a fraction of that, and contexts share no cookies,
// storage or permissions. Each ends with the worker, whose pipe it reads.
const shared = new Map<string, Promise<Browser>>();

function sharedBrowser(executablePath: string): Promise<Browser> {
  let pending = shared.get(executablePath);
  if (!pending) {
    pending = launch(executablePath);
    shared.set(executablePath, pending);
  }
  const current = pending;
  // A browser that failed to start or crashed is started again for the next caller.
  const forget = () => {
    if (shared.get(executablePath) === current) shared.delete(executablePath);
  };
  return current.then(
    (browser) => {
      if (browser.isConnected()) return browser;
      forget();
      return sharedBrowser(executablePath);
    },
    (error: unknown) => {
      forget();
      throw error;
    },
  );
}

function launch(executablePath: string): Promise<Browser> {
  return chromium
    .launch({
      executablePath,
      headless: true,
      args: CHROMIUM_FLAGS,
    })
    .then(async (browser) => {
      try {
        assertPlaywrightFeaturesKept();
      } catch (error) {
        await browser.close();
        throw error;
      }
      return browser;
    });
}

/**
 * A fresh browser profile (a new context of Debian's headless Chromium); dispose() closes it.
 * `notifications` runs it in the full browser, whose notification permission a test can grant.
 * `locale` sets the browser's language (navigator.language and Accept-Language); `touch` makes it a
 * touch-screen phone (a coarse pointer, as `(pointer: coarse)` sees it). The profile asks for
 * reduced motion unless `motion` is "no-preference": the apps then run no looping animation, which
 * would otherwise keep Chromium drawing frames for as long as a loading pulse or spinner shows.
 */
export async function launchBrowser({
  locale,
  touch = false,
  motion = "reduce",
  notifications = false,
}: {
  locale?: string;
  touch?: boolean;
  motion?: "reduce" | "no-preference";
  notifications?: boolean;
} = {}): Promise<TestBrowser> {
  const context = await (
    await sharedBrowser(notifications ? FULL_BROWSER : HEADLESS_SHELL)
  ).newContext({
    viewport: { width: 1280, height: 800 },
    reducedMotion: motion,
    ...(locale ? { locale } : {}),
    ...(touch ? { hasTouch: true, isMobile: true } : {}),
  });
  // Uncaught errors in the page would otherwise only show as a timeout.
  context.on("page", (page) => {
    page.on("pageerror", (error) =>
      console.error(`[browser] page error on ${page.url()}: ${error.stack ?? error.message}`),
    );
  });
  return Object.assign(context, { dispose: () => context.close() });
}

/** Popups that Radix closes when the window resizes. */
const OPEN_POPUP = "[data-radix-popper-content-wrapper], [role='listbox'], [role='menu']";

/** Screenshots are taken only when asked for: nothing in the suite reads them. */
const TAKE_SCREENSHOTS = process.env.ECHO_E2E_SCREENSHOTS === "1";

/**
 * With ECHO_E2E_SCREENSHOTS=1, saves a screenshot under .test-results/e2e/screenshots/<name>.png
 * (a walk through every screen the suite visits), of the full page unless `fullPage` is false or
 * a select, menu or popover is open: capturing a page taller than the viewport resizes the
 * window, and Radix closes an open popup on resize, so the test's next click in it would miss.
 */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}) {
  if (!TAKE_SCREENSHOTS) return;
  const dir = join(resultsDir, "screenshots");
  mkdirSync(dir, { recursive: true });
  const popupOpen = fullPage && (await page.locator(OPEN_POPUP).count()) > 0;
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: fullPage && !popupOpen });
}
