/** Why a file did not make it into the message: the server's refusals, or the upload failing. */
export type AttachmentProblem = "FILE_TYPE_NOT_ALLOWED" | "FILE_TOO_LARGE" | "UPLOAD_FAILED";

export type UploadOutcome =
  | { ok: true; attachmentId: string }
  | { ok: false; code: AttachmentProblem; maxBytes?: number };

/**
 * A file sent through a storage upload URL, then checked and recorded by the backend's `add`.
 * Apps load it on first use, so it stays out of their first load.
 */
export async function uploadAttachment(
  file: File,
  steps: {
    generateUploadUrl: () => Promise<string>;
    add: (storageId: string) => Promise<UploadOutcome>;
  },
  maxBytes: number | undefined,
): Promise<UploadOutcome> {
  // The server checks the size again; refusing here spares the visitor a long upload.
  if (maxBytes !== undefined && file.size > maxBytes)
    return { ok: false, code: "FILE_TOO_LARGE", maxBytes };
  const url = await steps.generateUploadUrl();
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": file.type || "application/octet-stream" },
    body: file,
  });
  if (!response.ok) return { ok: false, code: "UPLOAD_FAILED" };
  const { storageId } = (await response.json()) as { storageId: string };
  return await steps.add(storageId);
}
