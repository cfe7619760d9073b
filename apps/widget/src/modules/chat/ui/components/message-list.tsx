"use client";

import { Button } from "@echo/ui/components/button";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useRef } from "react";

import { useStickToBottom } from "../../hooks/use-stick-to-bottom";
import { authorOf, type ChatMessage } from "../../lib/chat-message";
import { MessageBubble } from "./message-bubble";

/**
 * The conversation, oldest first: older pages load when the top comes into view (or from the
 * button, for keyboards), and the view follows new messages and a reply as it streams in while the
 * reader is at the bottom; scrolled up, a "new messages" control brings them down.
 */
export function MessageList({
  messages,
  canLoadOlder,
  loadingOlder,
  onLoadOlder,
  seenKey,
  footer,
}: {
  messages: readonly ChatMessage[];
  /** The message an operator has read, marked "Seen". */
  seenKey?: string;
  canLoadOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  footer?: ReactNode;
}) {
  const t = useTranslations("chat");
  const sentinel = useRef<HTMLDivElement>(null);
  const last = messages.at(-1);
  const { scroller, content, hasNew, jumpToBottom, onScroll } = useStickToBottom(
    last?.key,
    last !== undefined && authorOf(last) === "contact",
  );

  useEffect(() => {
    const target = sentinel.current;
    if (!canLoadOlder || !target || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onLoadOlder();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [canLoadOlder, onLoadOlder]);

  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      <div
        ref={scroller}
        onScroll={onScroll}
        className="flex min-h-0 flex-1 flex-col overflow-y-auto p-3"
      >
        <div ref={content} className="flex flex-col gap-3">
          {canLoadOlder || loadingOlder ? (
            <div ref={sentinel} className="flex justify-center">
              <Button variant="ghost" size="sm" disabled={loadingOlder} onClick={onLoadOlder}>
                {loadingOlder ? t("loadingOlder") : t("loadOlder")}
              </Button>
            </div>
          ) : null}
          <ol aria-label={t("messages")} aria-live="polite" className="flex flex-col gap-3">
            {messages.map((message) => (
              <MessageBubble key={message.key} message={message} seen={message.key === seenKey} />
            ))}
          </ol>
          {footer}
        </div>
      </div>
      {hasNew ? (
        <Button
          size="sm"
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full shadow-md"
          onClick={jumpToBottom}
        >
          {t("newMessages")}
        </Button>
      ) : null}
    </div>
  );
}
