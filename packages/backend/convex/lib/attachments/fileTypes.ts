/** What a conversation accepts, by extension: the type it is served as, and whether it is shown inline. */
const ACCEPTED: Record<string, { contentType: string; kind: "image" | "file" }> = {
  png: { contentType: "image/png", kind: "image" },
  jpg: { contentType: "image/jpeg", kind: "image" },
  jpeg: { contentType: "image/jpeg", kind: "image" },
  gif: { contentType: "image/gif", kind: "image" },
  webp: { contentType: "image/webp", kind: "image" },
  pdf: { contentType: "application/pdf", kind: "file" },
  txt: { contentType: "text/plain", kind: "file" },
  csv: { contentType: "text/csv", kind: "file" },
  md: { contentType: "text/markdown", kind: "file" },
  doc: { contentType: "application/msword", kind: "file" },
  docx: {
    contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    kind: "file",
  },
  xls: { contentType: "application/vnd.ms-excel", kind: "file" },
  xlsx: {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    kind: "file",
  },
  ppt: { contentType: "application/vnd.ms-powerpoint", kind: "file" },
  pptx: {
    contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    kind: "file",
  },
  odt: { contentType: "application/vnd.oasis.opendocument.text", kind: "file" },
  ods: { contentType: "application/vnd.oasis.opendocument.spreadsheet", kind: "file" },
  odp: { contentType: "application/vnd.oasis.opendocument.presentation", kind: "file" },
  rtf: { contentType: "application/rtf", kind: "file" },
};

/** The `accept` attribute for the composers' file pickers. */
export const ACCEPTED_EXTENSIONS = Object.keys(ACCEPTED).map((extension) => `.${extension}`);

export const DEFAULT_MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
/** The most an admin may allow: Convex stores files of any size, but a chat is not a file share. */
export const MAX_ATTACHMENT_BYTES_LIMIT = 50 * 1024 * 1024;
export const MAX_ATTACHMENTS_PER_MESSAGE = 10;
const MAX_FILE_NAME_CHARS = 200;

export type AcceptedFile = { fileName: string; contentType: string; kind: "image" | "file" };

/**
 * A file name safe to store and to put in a header: no path, no control or quoting characters,
 * a bounded length that keeps the extension.
 */
export function sanitizeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[\p{Cc}"*:<>?|;]/gu, "")
    .replace(/\s+/g, " ")
    .replace(/^[.\s]+/, "")
    .trim();
  if (cleaned.length <= MAX_FILE_NAME_CHARS) return cleaned || "file";
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, MAX_FILE_NAME_CHARS - extension.length) + extension;
}

/**
 * The file as it will be served, or null when its type is not accepted. The extension decides
 * the served type, and the declared type must agree with it: a browser's declared type alone is
 * the uploader's word.
 */
export function acceptFile(name: string, declaredType: string | undefined): AcceptedFile | null {
  const fileName = sanitizeFileName(name);
  const dot = fileName.lastIndexOf(".");
  if (dot <= 0) return null;
  const accepted = ACCEPTED[fileName.slice(dot + 1).toLowerCase()];
  if (!accepted) return null;
  const declared = (declaredType ?? "").split(";")[0]!.trim().toLowerCase();
  // Browsers declare office and text files inconsistently (or not at all); images must agree.
  const agrees =
    declared === accepted.contentType ||
    (accepted.kind === "file" && !declared.includes("html") && !declared.startsWith("image/"));
  return agrees ? { fileName, ...accepted } : null;
}

/**
 * `Content-Disposition` for a download: `attachment` for files, `inline` for images, with an
 * ASCII fallback name and the exact one in RFC 5987 form.
 */
export function contentDisposition(kind: "image" | "file", fileName: string): string {
  const safe = sanitizeFileName(fileName);
  const ascii = safe.replace(/[^\x20-\x7e]/g, "_").replace(/[\\%]/g, "_");
  const encoded = encodeURIComponent(safe).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind === "image" ? "inline" : "attachment"}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The text a message with attachments and no words carries on the thread (and in the inbox). */
export function attachmentCaption(fileNames: readonly string[]): string {
  return fileNames.map((name) => `📎 ${name}`).join("\n");
}

/** What to show beside a message's attachments: nothing when the text is only their caption. */
export function textBesideAttachments(
  text: string,
  attachments: readonly { fileName: string }[] | undefined,
): string {
  if (!attachments?.length) return text;
  return text === attachmentCaption(attachments.map((file) => file.fileName)) ? "" : text;
}
