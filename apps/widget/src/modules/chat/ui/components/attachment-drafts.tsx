"use client";

import { Button } from "@echo/ui/components/button";
import { LoaderCircle, Paperclip, X } from "lucide-react";
import { useTranslations } from "next-intl";

import { type AttachmentDraft, megabytes } from "../../lib/attachment-drafts";

/** The files waiting in the composer, each removable, refused ones with the reason. */
export function AttachmentDrafts({
  drafts,
  onRemove,
}: {
  drafts: readonly AttachmentDraft[];
  onRemove: (key: string) => void;
}) {
  const t = useTranslations("attachments");
  if (drafts.length === 0) return null;
  return (
    <ul aria-label={t("pending")} className="flex flex-col gap-1">
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
              <span className="text-muted-foreground">{t("uploading")}</span>
            ) : null}
            {draft.status === "refused" ? (
              <span role="alert" className="text-destructive">
                {draft.problem === "FILE_TOO_LARGE"
                  ? t("tooLarge", { max: megabytes(draft.maxBytes ?? 0) })
                  : draft.problem === "FILE_TYPE_NOT_ALLOWED"
                    ? t("typeNotAllowed")
                    : t("uploadFailed")}
              </span>
            ) : null}
          </span>
          <Button
            type="button"
            variant="ghost"
            size="icon"
            className="size-6"
            aria-label={t("remove", { name: draft.fileName })}
            onClick={() => onRemove(draft.key)}
          >
            <X aria-hidden />
          </Button>
        </li>
      ))}
    </ul>
  );
}
