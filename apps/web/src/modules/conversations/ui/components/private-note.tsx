"use client";

import { MessageMarkdown } from "@echo/ui/components/message-markdown";
import { useTranslations } from "next-intl";

/** A teammate's private note in the thread: set apart in amber and labelled, never sent. */
export function PrivateNote({ authorName, text }: { authorName: string; text: string }) {
  const t = useTranslations("notes");
  return (
    <article
      data-author="note"
      aria-label={t("by", { name: authorName })}
      className="flex max-w-[80%] flex-col items-end gap-1 self-end"
    >
      <span className="text-xs text-muted-foreground">
        {t("by", { name: authorName })} · {t("visibility")}
      </span>
      <div className="max-w-full break-words rounded-lg border border-dashed border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">
        <MessageMarkdown text={text} />
      </div>
    </article>
  );
}
