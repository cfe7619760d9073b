"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { EmptyState } from "@echo/ui/components/empty-state";
import { MessageMarkdown } from "@echo/ui/components/message-markdown";
import { SkeletonList } from "@echo/ui/components/skeleton";
import { useQuery } from "convex/react";
import { FlagIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";

import { Link } from "@/i18n/navigation";

/** Answers operators flagged as wrong, newest first, each with the question that prompted it. */
export function FlaggedAnswers() {
  const t = useTranslations("answerProvenance.list");
  const tEmpty = useTranslations("emptyStates");
  const format = useFormatter();
  const flagged = useQuery(api.private.answerFlags.list);
  return (
    <section aria-labelledby="flagged-answers" className="grid max-w-2xl gap-3 px-6 pb-6">
      <div>
        <h2 id="flagged-answers" className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </div>
      {flagged === undefined ? (
        <SkeletonList label={tEmpty("loadingFlagged")} rows={2} avatar={false} />
      ) : flagged.length === 0 ? (
        <EmptyState className="rounded-lg border" icon={FlagIcon} title={t("empty")} />
      ) : (
        <ul className="grid gap-3">
          {flagged.map((item) => (
            <li key={item._id} className="grid gap-2 rounded-lg border p-3 text-sm">
              <p>
                <span className="font-medium">{t("question")}: </span>
                {item.question}
              </p>
              <div>
                <p className="font-medium">{t("answer")}:</p>
                <div className="text-muted-foreground">
                  <MessageMarkdown text={item.answer} />
                </div>
              </div>
              <p className="flex flex-wrap items-center justify-between gap-2 text-xs text-muted-foreground">
                <span>
                  {item.flaggedByName ? `${t("by", { name: item.flaggedByName })} · ` : ""}
                  {format.dateTime(item.flaggedAt, { dateStyle: "medium", timeStyle: "short" })}
                </span>
                <Link className="underline" href={`/conversations/${item.conversationId}`}>
                  {t("open")}
                </Link>
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
