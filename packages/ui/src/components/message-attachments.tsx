"use client";

import { FileText } from "lucide-react";

/** An attachment as the backend's message lists give it. */
export type MessageAttachment = {
  id: string;
  fileName: string;
  kind: "image" | "file";
  size: number;
  url: string;
  /** Audio (a WhatsApp voice note) also gets a player. */
  contentType?: string;
};

export type MessageAttachmentLabels = {
  openImage: (fileName: string) => string;
  size: (bytes: number) => string;
};

/** A message's files: images as thumbnails that open full size, others as download links. */
export function MessageAttachments({
  attachments,
  labels,
}: {
  attachments: readonly MessageAttachment[];
  labels: MessageAttachmentLabels;
}) {
  return (
    <ul className="flex flex-col gap-1">
      {attachments.map((attachment) => (
        <li key={attachment.id}>
          {attachment.kind === "image" ? (
            <a
              href={attachment.url}
              target="_blank"
              rel="noopener noreferrer"
              aria-label={labels.openImage(attachment.fileName)}
            >
              <img
                src={attachment.url}
                alt={attachment.fileName}
                loading="lazy"
                className="max-h-40 max-w-full rounded-md border object-cover"
              />
            </a>
          ) : (
            <>
              {attachment.contentType?.startsWith("audio/") ? (
                <audio
                  controls
                  preload="metadata"
                  src={attachment.url}
                  aria-label={attachment.fileName}
                  className="mb-1 h-10 w-64 max-w-full"
                />
              ) : null}
              <a
                href={attachment.url}
                download={attachment.fileName}
                className="flex items-center gap-2 rounded-md border bg-background/60 px-2 py-1 text-sm text-foreground underline-offset-2 hover:underline"
              >
                <FileText aria-hidden className="size-4 shrink-0" />
                <span className="min-w-0 truncate">{attachment.fileName}</span>
                <span className="shrink-0 text-xs text-muted-foreground">
                  {labels.size(attachment.size)}
                </span>
              </a>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
