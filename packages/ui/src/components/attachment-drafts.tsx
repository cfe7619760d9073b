"use client";

import { Button } from "@echo/ui/components/button";
import { type AttachmentDraft } from "@echo/ui/lib/attachment-drafts";
import { LoaderCircle, Paperclip, X } from "lucide-react";

/** The words of the list, from the app's translations. */
export type AttachmentDraftLabels = {
  pending: string;
  uploading: string;
  remove: (fileName: string) => string;
  problem: (draft: AttachmentDraft) => string;
};

/** The files waiting in the composer, each removable, refused ones with the reason. */
export function AttachmentDrafts({
  drafts,
  onRemove,
  labels,
}: {
  drafts: readonly AttachmentDraft[];
  onRemove: (key: string) => void;
  labels: AttachmentDraftLabels;
}) {
  if (drafts.length === 0) return null;
  return (
    <ul aria-label={labels.pending} className="flex flex-col gap-1">
      {drafts.map((draft) => (
        <li key={draft.key} className="flex items-center gap-2 text-xs">
          {draft.status === "uploading" ? (
            <LoaderCircle aria-hidden className="size-3.5 shrink-0 animate-spin" />
          ) : (
            <Paperclip aria-hidden className="size-3.5 shrink-0" />
          )}
          <span className="min-w-0 flex-1">
            <span className="block truncate">{draft.fileName}</span>
            {draft.status === "uploading" ? (
              <span className="text-muted-foreground">{labels.uploading}</span>
            ) : null}
            {draft.status === "refused" ? (
              <span role="alert" className="text-destructive">
                {labels.problem(draft)}
              </span>
            ) : null}
          </span>
          <Button
            type="button"
            variant="ghost"
            size="icon"
            className="size-6"
            aria-label={labels.remove(draft.fileName)}
            onClick={() => onRemove(draft.key)}
          >
            <X aria-hidden />
          </Button>
        </li>
      ))}
    </ul>
  );
}
