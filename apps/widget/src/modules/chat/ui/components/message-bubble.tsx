"use client";

import { textBesideAttachments } from "@echo/backend/convex/lib/attachments/fileTypes";
import { MessageAttachments } from "@echo/ui/components/message-attachments";
import { MessageMarkdown } from "@echo/ui/components/message-markdown";
import { cn } from "@echo/ui/lib/utils";
import { useSmoothText } from "@convex-dev/agent/react";
import { useTranslations } from "next-intl";

import { useAttachmentLabels } from "../../hooks/use-attachment-labels";
import { authorOf, type ChatMessage } from "../../lib/chat-message";

/**
 * One message: the visitor's as plain text, the agent's and operators' as safe markdown; `seen`
 * marks the visitor's message an operator has read.
 */
export function MessageBubble({ message, seen = false }: { message: ChatMessage; seen?: boolean }) {
  const t = useTranslations("chat");
  const author = authorOf(message);
  const attachmentLabels = useAttachmentLabels();
  const [smoothed] = useSmoothText(message.text, {
    startStreaming: message.status === "streaming",
  });
  // The smoother only ever extends what it shows; text that was replaced rather than extended
  // (a greeting edited in the dashboard while the widget is open) is shown as it now is.
  const shown = message.text.startsWith(smoothed) ? smoothed : message.text;
  const text = textBesideAttachments(shown, message.attachments);
  const who =
    author === "contact"
      ? t("you")
      : author === "operator"
        ? message.authorName
          ? t("operator", { name: message.authorName })
          : t("operatorFallback")
        : t("agent");
  return (
    <li className={cn("flex flex-col gap-1", author === "contact" ? "items-end" : "items-start")}>
      <span className="sr-only">{who}</span>
      {author === "operator" ? (
        <span aria-hidden className="px-1 text-xs">
          {who}
        </span>
      ) : null}
      <div
        className={cn(
          "max-w-[85%] rounded-2xl px-3 py-2 text-sm break-words",
          author === "contact"
            ? "rounded-br-sm bg-primary text-primary-foreground"
            : "rounded-bl-sm border bg-card text-card-foreground",
        )}
      >
        {message.attachments?.length ? (
          <MessageAttachments attachments={message.attachments} labels={attachmentLabels} />
        ) : null}
        {!text ? null : author === "contact" ? (
          <p className="whitespace-pre-wrap">{text}</p>
        ) : (
          <MessageMarkdown text={text} />
        )}
      </div>
      {seen ? (
        <span className="px-1 text-xs text-muted-foreground" data-testid="seen-by-operator">
          {t("seen")}
        </span>
      ) : null}
    </li>
  );
}
