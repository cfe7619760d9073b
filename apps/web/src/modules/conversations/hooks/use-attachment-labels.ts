"use client";

import type { AttachmentDraftLabels } from "@echo/ui/components/attachment-drafts";
import type { MessageAttachmentLabels } from "@echo/ui/components/message-attachments";
import { megabytes } from "@echo/ui/lib/attachment-drafts";
import { useTranslations } from "next-intl";

/** The shared attachment components' words, in the operator's language. */
export function useAttachmentLabels(): AttachmentDraftLabels & MessageAttachmentLabels {
  const t = useTranslations("attachments");
  return {
    pending: t("pending"),
    uploading: t("uploading"),
    remove: (name) => t("remove", { name }),
    problem: (draft) =>
      draft.problem === "FILE_TOO_LARGE"
        ? t("tooLarge", { max: megabytes(draft.maxBytes ?? 0) })
        : draft.problem === "FILE_TYPE_NOT_ALLOWED"
          ? t("typeNotAllowed")
          : t("uploadFailed"),
    openImage: (name) => t("openImage", { name }),
    size: (bytes) =>
      bytes < 1024 * 1024
        ? t("sizeKb", { size: Math.max(1, Math.round(bytes / 1024)) })
        : t("sizeMb", { size: megabytes(bytes) }),
  };
}
