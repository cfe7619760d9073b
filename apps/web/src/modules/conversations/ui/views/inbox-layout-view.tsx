"use client";

import { cn } from "@echo/ui/lib/utils";
import { useTranslations } from "next-intl";
import { useParams } from "next/navigation";
import type { ReactNode } from "react";

import { ConversationList } from "../components/conversation-list";
import { InboxFilters } from "../components/inbox-filters";
import { KeyboardShortcutsHelp } from "../components/keyboard-shortcuts-help";

/** The inbox's list pane beside the selected conversation; on narrow screens one at a time. */
export function InboxLayoutView({ children }: { children: ReactNode }) {
  const t = useTranslations("conversations");
  const { conversationId } = useParams<{ conversationId?: string }>();
  return (
    <div className="flex h-[calc(100dvh-var(--dashboard-top-bar))] min-h-0">
      <section
        aria-label={t("title")}
        className={cn(
          "flex w-full min-w-0 flex-col border-r md:w-80 md:shrink-0",
          conversationId && "hidden md:flex",
        )}
      >
        <div className="flex items-center justify-between gap-2 px-4 pt-4">
          <h1 className="text-lg font-semibold">{t("title")}</h1>
          <KeyboardShortcutsHelp />
        </div>
        <InboxFilters />
        <div className="min-h-0 flex-1 overflow-y-auto">
          <ConversationList />
        </div>
      </section>
      <div className={cn("min-w-0 flex-1", !conversationId && "hidden md:block")}>{children}</div>
    </div>
  );
}
