import type { Id } from "@echo/backend/convex/_generated/dataModel";

import type { AttachmentProblem } from "./upload-attachment";

/** A file in the composer: uploading, ready to go with the next message, or refused. */
export type AttachmentDraft = {
  key: string;
  fileName: string;
  status: "uploading" | "ready" | "refused";
  attachmentId?: Id<"attachments">;
  problem?: AttachmentProblem;
  maxBytes?: number;
};

export const readyAttachmentIds = (drafts: readonly AttachmentDraft[]) =>
  drafts.flatMap((draft) =>
    draft.status === "ready" && draft.attachmentId ? [draft.attachmentId] : [],
  );

export const isUploading = (drafts: readonly AttachmentDraft[]) =>
  drafts.some((draft) => draft.status === "uploading");

/** Megabytes with at most one decimal, for "larger than 10 MB". */
export const megabytes = (bytes: number) => Math.round((bytes / (1024 * 1024)) * 10) / 10;

/** Files from a paste or a drop: only real files, never the text or markup dragged along. */
export function filesOf(data: DataTransfer | null): File[] {
  if (!data) return [];
  return Array.from(data.files ?? []);
}
