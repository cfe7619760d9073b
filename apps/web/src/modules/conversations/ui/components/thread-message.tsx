"use client";

import { textBesideAttachments } from "@echo/backend/convex/lib/attachments/fileTypes";
import { Avatar, avatarVariants } from "@echo/ui/components/avatar";
import {
  type MessageAttachment,
  MessageAttachments,
} from "@echo/ui/components/message-attachments";
import { MessageMarkdown } from "@echo/ui/components/message-markdown";
import { cn } from "@echo/ui/lib/utils";
import { BotIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { useAttachmentLabels } from "../../hooks/use-attachment-labels";

export type ThreadMessageAuthor = "contact" | "agent" | "operator";

/** Who the conversation is with: their name and the key their avatar's color comes from. */
export type ThreadContact = { name: string; colorKey: string };

/**
 * One message of the thread: the visitor's as plain text, the AI's and operators' as safe markdown,
 * each under its author's avatar (the visitor's as in the inbox list, the AI's a robot).
 */
export function ThreadMessage({
  author,
  authorName,
  contact,
  text: fullText,
  attachments,
}: {
  author: ThreadMessageAuthor;
  authorName?: string | null;
  contact?: ThreadContact;
  text: string;
  attachments?: readonly MessageAttachment[];
}) {
  const t = useTranslations("conversations");
  const attachmentLabels = useAttachmentLabels();
  const text = textBesideAttachments(fullText, attachments);
  const fromContact = author === "contact";
  const operatorName = authorName ?? t("authors.operator");
  return (
    <article
      data-author={author}
      className={cn(
        "flex max-w-[80%] flex-col gap-1",
        fromContact ? "self-start" : "self-end items-end",
      )}
    >
      <span
        className={cn(
          "flex items-center gap-1.5 text-xs text-muted-foreground",
          !fromContact && "flex-row-reverse",
        )}
      >
        {author === "agent" ? (
          <span
            data-slot="avatar"
            aria-hidden="true"
            className={avatarVariants({ size: "sm", className: "bg-foreground text-background" })}
          >
            <BotIcon className="size-3.5" />
          </span>
        ) : (
          <Avatar
            size="sm"
            name={fromContact ? (contact?.name ?? t("authors.contact")) : operatorName}
            colorKey={fromContact ? contact?.colorKey : operatorName}
          />
        )}
        <span>
          {fromContact
            ? t("authors.contact")
            : author === "operator"
              ? operatorName
              : t("authors.agent")}
        </span>
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
