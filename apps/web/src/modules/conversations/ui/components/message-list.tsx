"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import { usePaginatedQuery, useQuery } from "convex/react";
import type { FunctionReturnType } from "convex/server";
import { useTranslations } from "next-intl";
import { Fragment, useEffect, useRef } from "react";

import { AnswerProvenance } from "./answer-provenance";
import { DeliveryStatus } from "./delivery-status";
import { PrivateNote } from "./private-note";
import { type ThreadContact, ThreadMessage } from "./thread-message";

const PAGE_SIZE = 30;

type Ordered = { order: number; stepOrder: number; _creationTime: number };

/** Oldest first, whatever order the pages arrive in. */
export function sortChronologically<T extends Ordered>(messages: T[]): T[] {
  return [...messages].sort(
    (a, b) => a.order - b.order || a.stepOrder - b.stepOrder || a._creationTime - b._creationTime,
  );
}

/**
 * Notes placed among the thread's messages by when they were written; notes older than the
 * oldest loaded message wait until that page is loaded.
 */
export function interleaveNotes<
  T extends { _creationTime: number },
  Note extends { _creationTime: number },
>(
  messages: T[],
  notes: Note[],
  complete: boolean,
): ({ kind: "message"; message: T } | { kind: "note"; note: Note })[] {
  const oldest = messages[0]?._creationTime ?? Infinity;
  const pending = notes
    .filter((note) => complete || note._creationTime >= oldest)
    .sort((a, b) => a._creationTime - b._creationTime);
  const entries: ({ kind: "message"; message: T } | { kind: "note"; note: Note })[] = [];
  // The thread keeps its own order; each note goes before the first message written after it.
  for (const message of messages) {
    while (pending.length && pending[0]!._creationTime < message._creationTime)
      entries.push({ kind: "note", note: pending.shift()! });
    entries.push({ kind: "message", message });
  }
  for (const note of pending) entries.push({ kind: "note", note });
  return entries;
}

/** The thread, oldest first, with visitor, AI and operator messages and teammates' notes told apart. */
export function MessageList({
  threadId,
  conversationId,
  contact,
}: {
  threadId: string;
  conversationId: Id<"conversations">;
  contact: ThreadContact;
}) {
  const t = useTranslations("conversations");
  const { results, status, loadMore } = usePaginatedQuery(
    api.private.messages.list,
    { threadId },
    { initialNumItems: PAGE_SIZE },
  );
  const notes = useQuery(api.private.notes.list, { conversationId });
  const deliveries = useQuery(api.private.whatsapp.deliveries, { conversationId });
  const deliveryByOrder = new Map((deliveries ?? []).map((delivery) => [delivery.order, delivery]));
  const bottom = useRef<HTMLDivElement>(null);
  const messages = sortChronologically(results).filter((message) => message.text.trim() !== "");
  const entries = interleaveNotes(messages, notes ?? [], status === "Exhausted");
  const last = entries.at(-1);
  const newest = last?.kind === "note" ? last.note._id : last?.message.key;

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
      {entries.map((entry) =>
        entry.kind === "note" ? (
          <PrivateNote key={entry.note._id} note={entry.note} conversationId={conversationId} />
        ) : (
          <MessageEntry
            key={entry.message.key}
            message={entry.message}
            contact={contact}
            conversationId={conversationId}
            delivery={deliveryByOrder.get(entry.message.order)}
          />
        ),
      )}
      <div ref={bottom} />
    </div>
  );
}

type Message = FunctionReturnType<typeof api.private.messages.list>["page"][number];
type Delivery = FunctionReturnType<typeof api.private.whatsapp.deliveries>[number];

function MessageEntry({
  message,
  contact,
  conversationId,
  delivery,
}: {
  message: Message;
  contact: ThreadContact;
  conversationId: Id<"conversations">;
  delivery: Delivery | undefined;
}) {
  return (
    <Fragment>
      <ThreadMessage
        author={message.author}
        authorName={message.authorName}
        contact={contact}
        text={message.text}
        attachments={message.attachments}
      />
      {message.author !== "contact" && delivery ? <DeliveryStatus delivery={delivery} /> : null}
      {message.author === "agent" ? (
        <AnswerProvenance
          conversationId={conversationId}
          order={message.order}
          parts={message.parts}
        />
      ) : null}
    </Fragment>
  );
}
