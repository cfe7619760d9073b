"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { Button } from "@echo/ui/components/button";
import { cn } from "@echo/ui/lib/utils";
import { usePaginatedQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";

const PAGE_SIZE = 30;

type Ordered = { order: number; stepOrder: number; _creationTime: number };

/** Oldest first, whatever order the pages arrive in. */
export function sortChronologically<T extends Ordered>(messages: T[]): T[] {
  return [...messages].sort(
    (a, b) => a.order - b.order || a.stepOrder - b.stepOrder || a._creationTime - b._creationTime,
  );
}

/** The thread, oldest first, with visitor, AI and operator messages told apart. */
export function MessageList({ threadId }: { threadId: string }) {
  const t = useTranslations("conversations");
  const { results, status, loadMore } = usePaginatedQuery(
    api.private.messages.list,
    { threadId },
    { initialNumItems: PAGE_SIZE },
  );
  const bottom = useRef<HTMLDivElement>(null);
  const messages = sortChronologically(results).filter((message) => message.text.trim() !== "");
  const newest = messages.at(-1)?.key;

  useEffect(() => {
    bottom.current?.scrollIntoView({ block: "end" });
  }, [newest]);

  return (
    <div className="flex flex-col gap-3 p-4" aria-live="polite">
      {status === "CanLoadMore" ? (
        <Button
          variant="ghost"
          size="sm"
          className="self-center"
          onClick={() => loadMore(PAGE_SIZE)}
        >
          {t("olderMessages")}
        </Button>
      ) : null}
      {status === "LoadingFirstPage" ? (
        <p className="text-sm text-muted-foreground">{t("loading")}</p>
      ) : null}
      {messages.map((message) => {
        const fromContact = message.author === "contact";
        return (
          <article
            key={message.key}
            data-author={message.author}
            className={cn(
              "flex max-w-[80%] flex-col gap-1",
              fromContact ? "self-start" : "self-end items-end",
            )}
          >
            <span className="text-xs text-muted-foreground">
              {message.author === "contact"
                ? t("authors.contact")
                : message.author === "operator"
                  ? (message.authorName ?? t("authors.operator"))
                  : t("authors.agent")}
            </span>
            <p
              className={cn(
                "whitespace-pre-wrap break-words rounded-lg px-3 py-2 text-sm",
                fromContact && "bg-muted",
                message.author === "agent" && "border bg-background",
                message.author === "operator" && "bg-primary text-primary-foreground",
              )}
            >
              {message.text}
            </p>
          </article>
        );
      })}
      <div ref={bottom} />
    </div>
  );
}
