import type { Page } from "playwright-core";

/** Signs the demo operator in through the dashboard's sign-in form. */
export async function signInAsDemoOperator(
  page: Page,
  dashboard: string,
  login: { email: string; password: string },
) {
  await page.goto(`${dashboard}/en/sign-in`);
  await page.getByLabel("Email").fill(login.email);
  await page.getByLabel("Password").fill(login.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(`${dashboard}/en/conversations`);
}
