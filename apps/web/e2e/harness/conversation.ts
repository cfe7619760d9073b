import type { Locator, Page } from "playwright-core";

/** The conversation view's thread, where its heading, messages and controls are. */
export function conversationThread(page: Page): Locator {
  return page.getByRole("region", { name: "Conversation" });
}

/** Waits until the conversation with `contactName` is open; returns its thread. */
export async function waitForConversation(page: Page, contactName: string): Promise<Locator> {
  const thread = conversationThread(page);
  await thread.getByRole("heading", { name: contactName }).waitFor();
  return thread;
}

/** Opens a conversation by its address and waits for it; returns its thread. */
export async function openConversation(
  page: Page,
  dashboardUrl: string,
  conversationId: string,
  contactName: string,
): Promise<Locator> {
  await page.goto(`${dashboardUrl}/en/conversations/${conversationId}`);
  return await waitForConversation(page, contactName);
}
