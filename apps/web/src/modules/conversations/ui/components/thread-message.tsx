"use client";

import { textBesideAttachments } from "@echo/backend/convex/lib/attachments/fileTypes";
import {
  type MessageAttachment,
  MessageAttachments,
} from "@echo/ui/components/message-attachments";
import { MessageMarkdown } from "@echo/ui/components/message-markdown";
import { cn } from "@echo/ui/lib/utils";
import { useTranslations } from "next-intl";

import { useAttachmentLabels } from "../../hooks/use-attachment-labels";

export type ThreadMessageAuthor = "contact" | "agent" | "operator";

/** One message of the thread: the visitor's as plain text, the AI's and operators' as safe markdown. */
export function ThreadMessage({
  author,
  authorName,
  text: fullText,
  attachments,
}: {
  author: ThreadMessageAuthor;
  authorName?: string | null;
  text: string;
  attachments?: readonly MessageAttachment[];
}) {
  const t = useTranslations("conversations");
  const attachmentLabels = useAttachmentLabels();
  const text = textBesideAttachments(fullText, attachments);
  const fromContact = author === "contact";
  return (
    <article
      data-author={author}
      className={cn(
        "flex max-w-[80%] flex-col gap-1",
        fromContact ? "self-start" : "self-end items-end",
      )}
    >
      <span className="text-xs text-muted-foreground">
        {fromContact
          ? t("authors.contact")
          : author === "operator"
            ? (authorName ?? t("authors.operator"))
            : t("authors.agent")}
      </span>
      <div
        className={cn(
          "max-w-full break-words rounded-lg px-3 py-2 text-sm",
          fromContact && "bg-muted",
          author === "agent" && "border bg-background",
          author === "operator" && "bg-primary text-primary-foreground",
        )}
      >
        {attachments?.length ? (
          <MessageAttachments attachments={attachments} labels={attachmentLabels} />
        ) : null}
        {!text ? null : fromContact ? (
          <p className="whitespace-pre-wrap">{text}</p>
        ) : (
          <MessageMarkdown text={text} />
        )}
      </div>
    </article>
  );
}
