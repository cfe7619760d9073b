"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import { usePaginatedQuery } from "convex/react";
import { useSetAtom } from "jotai";
import { useFormatter, useNow, useTranslations } from "next-intl";

import { flowAtom } from "@/modules/flow/atoms/flow-atoms";
import { LoadingIndicator } from "@/modules/loading/ui/components/loading-indicator";

const PAGE_SIZE = 10;

/** The visitor's past conversations, newest first, with status and last message. */
export function InboxScreen({ contactSessionId }: { contactSessionId: Id<"contactSessions"> }) {
  const t = useTranslations("inbox");
  const format = useFormatter();
  const now = useNow({ updateInterval: 60_000 });
  const dispatch = useSetAtom(flowAtom);
  const { results, status, loadMore } = usePaginatedQuery(
    api.public.conversations.listOwn,
    { contactSessionId },
    { initialNumItems: PAGE_SIZE },
  );

  if (status === "LoadingFirstPage") return <LoadingIndicator label={t("title")} />;

  return (
    <section
      aria-label={t("title")}
      className="flex min-h-0 flex-1 flex-col gap-2 overflow-y-auto p-3"
    >
      {results.length === 0 ? <p className="text-sm">{t("empty")}</p> : null}
      <ul className="flex flex-col gap-2">
        {results.map((conversation) => {
          const time = format.relativeTime(conversation.lastMessageAt, now);
          return (
            <li key={conversation._id}>
              <button
                type="button"
                onClick={() =>
                  dispatch({ type: "openConversation", conversationId: conversation._id })
                }
                className="flex w-full flex-col gap-1 rounded-lg border bg-card p-3 text-left text-card-foreground outline-none hover:bg-foreground/5 focus-visible:ring-2 focus-visible:ring-ring"
              >
                <span className="flex items-center justify-between gap-2 text-xs">
                  <span className="rounded-full border px-2 py-0.5 font-medium">
                    {t(`status.${conversation.status}`)}
                  </span>
                  <time dateTime={new Date(conversation.lastMessageAt).toISOString()}>{time}</time>
                </span>
                <span className="line-clamp-2 text-sm">
                  {conversation.lastMessage?.text ?? t("noMessage")}
                </span>
                {conversation.unread > 0 ? (
                  <span className="text-xs font-semibold">
                    {t("unread", { count: conversation.unread })}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
      {status === "CanLoadMore" ? (
        <Button variant="outline" onClick={() => loadMore(PAGE_SIZE)}>
          {t("loadMore")}
        </Button>
      ) : null}
    </section>
  );
}
