"use client";

import type { AttachmentView } from "@echo/backend/convex/lib/attachments/attachments";
import { FileText } from "lucide-react";
import { useTranslations } from "next-intl";

import { megabytes } from "../../lib/attachment-drafts";

/** A message's files: images as thumbnails that open full size, others as download links. */
export function MessageAttachments({ attachments }: { attachments: readonly AttachmentView[] }) {
  const t = useTranslations("attachments");
  return (
    <ul className="flex flex-col gap-1">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          {attachment.kind === "image" ? (
            <a
              href={attachment.url}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={t("openImage", { name: attachment.fileName })}
            >
              {/* eslint-disable-next-line @next/next/no-img-element -- served by Convex, not by Next */}
              <img
                src={attachment.url}
                alt={attachment.fileName}
                loading="lazy"
                className="max-h-40 max-w-full rounded-md border object-cover"
              />
            </a>
          ) : (
            <a
              href={attachment.url}
              download={attachment.fileName}
              className="flex items-center gap-2 rounded-md border bg-background/60 px-2 py-1 text-sm text-foreground underline-offset-2 hover:underline"
            >
              <FileText aria-hidden className="size-4 shrink-0" />
              <span className="min-w-0 truncate">{attachment.fileName}</span>
              <span className="shrink-0 text-xs text-muted-foreground">
                {attachment.size < 1024 * 1024
                  ? t("sizeKb", { size: Math.max(1, Math.round(attachment.size / 1024)) })
                  : t("sizeMb", { size: megabytes(attachment.size) })}
              </span>
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
