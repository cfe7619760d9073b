"use client";

import { Button } from "@echo/ui/components/button";
import { useTranslations } from "next-intl";
import { type ReactNode, useEffect, useLayoutEffect, useRef } from "react";

import type { ChatMessage } from "../../lib/chat-message";
import { MessageBubble } from "./message-bubble";

/**
 * The conversation, oldest first: older pages load when the top comes into view (or from the
 * button, for keyboards), and the view follows new messages while the reader is at the bottom.
 */
export function MessageList({
  messages,
  canLoadOlder,
  loadingOlder,
  onLoadOlder,
  footer,
}: {
  messages: readonly ChatMessage[];
  canLoadOlder: boolean;
  loadingOlder: boolean;
  onLoadOlder: () => void;
  footer?: ReactNode;
}) {
  const t = useTranslations("chat");
  const scroller = useRef<HTMLDivElement>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const lastKey = messages.at(-1)?.key;
  const lastText = messages.at(-1)?.text;

  useEffect(() => {
    const target = sentinel.current;
    if (!canLoadOlder || !target || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) onLoadOlder();
    });
    observer.observe(target);
    return () => observer.disconnect();
  }, [canLoadOlder, onLoadOlder]);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element && atBottom.current) element.scrollTop = element.scrollHeight;
  }, [lastKey, lastText, footer]);

  return (
    <div
      ref={scroller}
      onScroll={(event) => {
        const element = event.currentTarget;
        atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 48;
      }}
      className="flex flex-1 flex-col gap-3 overflow-y-auto p-3"
    >
      {canLoadOlder || loadingOlder ? (
        <div ref={sentinel} className="flex justify-center">
          <Button variant="ghost" size="sm" disabled={loadingOlder} onClick={onLoadOlder}>
            {loadingOlder ? t("loadingOlder") : t("loadOlder")}
          </Button>
        </div>
      ) : null}
      <ol aria-label={t("messages")} aria-live="polite" className="flex flex-col gap-3">
        {messages.map((message) => (
          <MessageBubble key={message.key} message={message} />
        ))}
      </ol>
      {footer}
    </div>
  );
}
