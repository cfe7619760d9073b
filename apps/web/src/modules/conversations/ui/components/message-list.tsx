"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import { usePaginatedQuery, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { Fragment, useEffect, useRef } from "react";

import { AnswerProvenance } from "./answer-provenance";
import { DeliveryStatus } from "./delivery-status";
import { ThreadMessage } from "./thread-message";

const PAGE_SIZE = 30;

type Ordered = { order: number; stepOrder: number; _creationTime: number };

/** Oldest first, whatever order the pages arrive in. */
export function sortChronologically<T extends Ordered>(messages: T[]): T[] {
  return [...messages].sort(
    (a, b) => a.order - b.order || a.stepOrder - b.stepOrder || a._creationTime - b._creationTime,
  );
}

/** The thread, oldest first, with visitor, AI and operator messages told apart. */
export function MessageList({
  threadId,
  conversationId,
}: {
  threadId: string;
  conversationId: Id<"conversations">;
}) {
  const t = useTranslations("conversations");
  const { results, status, loadMore } = usePaginatedQuery(
    api.private.messages.list,
    { threadId },
    { initialNumItems: PAGE_SIZE },
  );
  const deliveries = useQuery(api.private.whatsapp.deliveries, { conversationId });
  const deliveryByOrder = new Map((deliveries ?? []).map((delivery) => [delivery.order, delivery]));
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
      {messages.map((message) => (
        <Fragment key={message.key}>
          <ThreadMessage
            author={message.author}
            authorName={message.authorName}
            text={message.text}
            attachments={message.attachments}
          />
          {message.author !== "contact" && deliveryByOrder.has(message.order) ? (
            <DeliveryStatus delivery={deliveryByOrder.get(message.order)!} />
          ) : null}
          {message.author === "agent" ? (
            <AnswerProvenance
              conversationId={conversationId}
              order={message.order}
              parts={message.parts}
            />
          ) : null}
        </Fragment>
      ))}
      <div ref={bottom} />
    </div>
  );
}
