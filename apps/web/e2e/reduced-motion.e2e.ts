import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { launchBrowser, type TestBrowser } from "./harness/browser";

/** How the page's stylesheet moves a spinner and a hover color change (Tailwind classes). */
function motionOf(page: Page) {
  return page.evaluate(() => {
    const spinner = document.createElement("div");
    spinner.className = "animate-spin transition-colors";
    document.body.append(spinner);
    const timing = spinner.getAnimations()[0]?.effect?.getComputedTiming();
    const motion = {
      iterations: timing?.iterations,
      animationMs: Number(timing?.duration),
      transition: getComputedStyle(spinner).transitionDuration,
    };
    spinner.remove();
    return motion;
  });
}

// Someone who asked their system for less motion gets no looping animation and no transition in
// the dashboard or the widget: loading pulses and spinners stop after one near-instant cycle.
describe("the apps honour prefers-reduced-motion", () => {
  const urls = inject("urls");
  const demo = inject("demo");
  let moving: TestBrowser;
  let still: TestBrowser;

  beforeAll(async () => {
    [moving, still] = await Promise.all([
      launchBrowser({ motion: "no-preference" }),
      launchBrowser({ motion: "reduce" }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([moving?.dispose(), still?.dispose()]);
  });

  const screens = [
    { app: "the dashboard", url: () => `${urls.dashboard}/en/sign-in` },
    {
      app: "the widget",
      url: () => `${urls.widget}/?organizationId=${demo.organizationId}&locale=en`,
    },
  ];
  for (const { app, url } of screens) {
    it(`${app}: a spinner turns until it is removed, unless reduced motion is asked for`, async () => {
      const [movingPage, stillPage] = await Promise.all([moving.newPage(), still.newPage()]);
      try {
        await Promise.all([movingPage.goto(url()), stillPage.goto(url())]);
        const [withMotion, reduced] = await Promise.all([
          motionOf(movingPage),
          motionOf(stillPage),
        ]);
        expect(withMotion).toEqual({
          iterations: Infinity,
          animationMs: 1000,
          transition: "0.15s",
        });
        expect(reduced.iterations).toBe(1);
        expect(reduced.animationMs).toBeLessThan(1);
        expect(Number.parseFloat(reduced.transition)).toBeLessThan(0.001);
      } finally {
        await Promise.all([movingPage.close(), stillPage.close()]);
      }
    });
  }
});
