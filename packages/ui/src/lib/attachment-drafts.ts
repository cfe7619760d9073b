import type { AttachmentProblem } from "@echo/ui/lib/upload-attachment";

/** A file in the composer: uploading, ready to go with the next message, or refused. */
export type AttachmentDraft = {
  key: string;
  fileName: string;
  status: "uploading" | "ready" | "refused";
  attachmentId?: string;
  problem?: AttachmentProblem;
  maxBytes?: number;
};

export const readyAttachmentIds = <Id extends string = string>(
  drafts: readonly AttachmentDraft[],
): Id[] =>
  drafts.flatMap((draft) =>
    draft.status === "ready" && draft.attachmentId ? [draft.attachmentId as Id] : [],
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
