import { fail } from "./errors";

/** Knowledge file kinds Echo can turn into text, by extension. */
export const KNOWLEDGE_FILE_KINDS = {
  txt: "text/plain",
  md: "text/markdown",
  html: "text/html",
  htm: "text/html",
  csv: "text/csv",
  pdf: "application/pdf",
} as const;

export type KnowledgeFileKind = keyof typeof KNOWLEDGE_FILE_KINDS;

export const MAX_KNOWLEDGE_FILE_BYTES = 10 * 1024 * 1024;

export function knowledgeFileKind(name: string): KnowledgeFileKind | null {
  const extension = name.toLowerCase().split(".").at(-1) ?? "";
  return extension in KNOWLEDGE_FILE_KINDS ? (extension as KnowledgeFileKind) : null;
}

/** Checks the name's type and the stored size; returns the canonical media type. */
export function checkKnowledgeFile(name: string, size: number): string {
  const kind = knowledgeFileKind(name);
  if (!kind) fail("INVALID_FILE", `Unsupported file type: ${name}`);
  if (size <= 0) fail("INVALID_FILE", "The file is empty");
  if (size > MAX_KNOWLEDGE_FILE_BYTES) fail("INVALID_FILE", "The file is larger than 10 MB");
  return KNOWLEDGE_FILE_KINDS[kind];
}
