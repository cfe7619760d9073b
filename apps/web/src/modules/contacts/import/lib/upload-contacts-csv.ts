import { MAX_IMPORT_BYTES } from "@echo/backend/convex/lib/contacts/importFile";

export type CsvUploadProblem = "tooLarge" | "empty" | "uploadFailed";

export class CsvUploadError extends Error {
  constructor(readonly problem: CsvUploadProblem) {
    super(problem);
  }
}

/**
 * Uploads the CSV through a storage upload URL and asks the backend to read it; a file over the
 * limit is refused here before a byte is sent.
 */
export async function uploadContactsCsv<JobId>(
  file: File,
  api: {
    generateUploadUrl: () => Promise<string>;
    prepare: (args: { storageId: string; fileName: string }) => Promise<JobId>;
  },
  fetchImpl: typeof fetch = fetch,
): Promise<JobId> {
  if (file.size === 0) throw new CsvUploadError("empty");
  if (file.size > MAX_IMPORT_BYTES) throw new CsvUploadError("tooLarge");
  const url = await api.generateUploadUrl();
  const response = await fetchImpl(url, {
    method: "POST",
    headers: { "content-type": "text/csv" },
    body: file,
  });
  if (!response.ok) throw new CsvUploadError("uploadFailed");
  const { storageId } = (await response.json()) as { storageId: string };
  return await api.prepare({ storageId, fileName: file.name });
}
