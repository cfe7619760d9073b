import type { Page } from "playwright-core";

/** Uploads a file on the knowledge-base page and waits until the backend has made it ready. */
export async function uploadKnowledgeFile(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer },
  { timeout = 30_000 }: { timeout?: number } = {},
) {
  await page.getByLabel("Choose files to upload").setInputFiles(file);
  const row = page.getByTestId("knowledge-file").filter({ hasText: file.name });
  await row.getByTestId("knowledge-file-status").getByText("Ready").waitFor({ timeout });
  return row;
}

/** Deletes a knowledge file through its confirmation dialog and waits until its row is gone. */
export async function deleteKnowledgeFile(page: Page, name: string) {
  const row = page.getByTestId("knowledge-file").filter({ hasText: name });
  await row.getByRole("button", { name: `Delete ${name}` }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Delete" }).click();
  await row.waitFor({ state: "detached" });
}
