import {
  knowledgeFileKind,
  KNOWLEDGE_FILE_KINDS,
  MAX_KNOWLEDGE_FILE_BYTES,
} from "@echo/backend/convex/lib/knowledgeFileTypes";

export type UploadProblem = "unsupportedType" | "empty" | "tooLarge" | "uploadFailed";

export class KnowledgeUploadError extends Error {
  constructor(readonly problem: UploadProblem) {
    super(problem);
  }
}

/** The same checks the backend makes, so a bad file is refused before it is uploaded. */
export function checkFileBeforeUpload(file: { name: string; size: number }): UploadProblem | null {
  if (!knowledgeFileKind(file.name)) return "unsupportedType";
  if (file.size === 0) return "empty";
  if (file.size > MAX_KNOWLEDGE_FILE_BYTES) return "tooLarge";
  return null;
}

export const ACCEPTED_EXTENSIONS = Object.keys(KNOWLEDGE_FILE_KINDS).map(
  (extension) => `.${extension}`,
);

/**
 * Uploads a file through a Convex storage upload URL (never as a function argument) and
 * registers it; ingestion then runs in the background.
 */
export async function uploadKnowledgeFile<FileId>(
  file: File,
  api: {
    generateUploadUrl: () => Promise<string>;
    add: (args: { storageId: string; name: string }) => Promise<FileId>;
  },
  fetchImpl: typeof fetch = fetch,
): Promise<FileId> {
  const problem = checkFileBeforeUpload(file);
  if (problem) throw new KnowledgeUploadError(problem);
  const kind = knowledgeFileKind(file.name)!;
  const url = await api.generateUploadUrl();
  const response = await fetchImpl(url, {
    method: "POST",
    headers: { "content-type": file.type || KNOWLEDGE_FILE_KINDS[kind] },
    body: file,
  });
  if (!response.ok) throw new KnowledgeUploadError("uploadFailed");
  const { storageId } = (await response.json()) as { storageId: string };
  return await api.add({ storageId, name: file.name });
}
