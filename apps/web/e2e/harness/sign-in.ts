import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";

import { resultsDir } from "./paths";

// One real sign-in per run: the provider rate-limits sign-ins per client address, as it should.
// One file per stack (base port), so runs on different ports never share a session.
const sessionFile = join(
  resultsDir,
  `demo-operator-cookies-${process.env.ECHO_E2E_BASE_PORT ?? 4100}.json`,
);

/**
 * Signs the demo operator in, reusing this run's session unless `fresh` asks for the form, and
 * lands on `at` (a dashboard path, after any redirect: the inbox unless the test starts elsewhere).
 */
export async function signInAsDemoOperator(
  page: Page,
  dashboard: string,
  login: { email: string; password: string },
  { fresh = false, at = "/en/conversations" }: { fresh?: boolean; at?: string } = {},
) {
  if (!fresh && existsSync(sessionFile)) {
    await page.context().addCookies(JSON.parse(readFileSync(sessionFile, "utf8")));
    await page.goto(`${dashboard}${at}`);
    if (page.url() === `${dashboard}${at}`) return;
  }
  await page.goto(`${dashboard}/en/sign-in`);
  await page.getByLabel("Email").fill(login.email);
  await page.getByLabel("Password").fill(login.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${dashboard}/en/conversations`);
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(sessionFile, JSON.stringify(await page.context().cookies(dashboard)));
  if (at !== "/en/conversations") await page.goto(`${dashboard}${at}`);
}

/** Forgets the previous run's session; the global setup calls it. */
export function forgetDemoOperatorSession() {
  if (existsSync(sessionFile)) writeFileSync(sessionFile, "[]");
}

/**
 * Sends the sign-up form filled in on `page`. The provider allows three sign-ups per 10 s from one
 * address, as it should, and a full e2e run signs several people up: a refusal is waited out for
 * the time the provider names, then the form is sent again.
 */
export async function submitSignUp(page: Page, attempts = 4) {
  for (let attempt = 1; ; attempt++) {
    const [response] = await Promise.all([
      page.waitForResponse(
        (answer) =>
          answer.url().includes("/api/auth/sign-up/email") && answer.request().method() === "POST",
      ),
      page.getByRole("button", { name: "Sign up" }).click(),
    ]);
    if (response.status() !== 429 || attempt === attempts) return;
    const seconds = Number(response.headers()["x-retry-after"] ?? 10);
    await page.waitForTimeout((seconds + 1) * 1000);
  }
}
