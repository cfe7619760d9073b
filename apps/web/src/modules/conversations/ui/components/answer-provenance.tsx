"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import { useMutation, useQuery } from "convex/react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

import { provenanceOf } from "../../lib/answer-provenance";

/**
 * Under an agent answer: what it was built from (each passage's file, section and score, and the
 * tools it called) and a way to flag it as wrong for the admins.
 */
export function AnswerProvenance({
  conversationId,
  order,
  parts,
}: {
  conversationId: Id<"conversations">;
  order: number;
  parts: readonly { type?: unknown; input?: unknown; output?: unknown }[];
}) {
  const t = useTranslations("answerProvenance");
  const format = useFormatter();
  const errorMessage = useErrorMessage();
  const flagged = useQuery(api.private.answerFlags.forConversation, { conversationId });
  const flag = useMutation(api.private.answerFlags.flag);
  const unflag = useMutation(api.private.answerFlags.unflag);
  const [error, setError] = useState<string | null>(null);
  const { passages, toolCalls } = provenanceOf(parts);
  if (toolCalls.length === 0) return null;
  const isFlagged = flagged?.includes(order) ?? false;

  async function toggle() {
    setError(null);
    try {
      await (isFlagged ? unflag : flag)({ conversationId, order });
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  return (
    <div className="flex max-w-[80%] flex-col items-end gap-1 self-end text-xs">
      <details className="w-full rounded-md border bg-muted/40 px-2 py-1">
        <summary className="cursor-pointer text-muted-foreground">
          {t("summary", { count: passages.length })}
        </summary>
        {passages.length > 0 ? (
          <ol className="mt-1 grid gap-1">
            {passages.map((passage, index) => (
              <li key={index} className="flex justify-between gap-3">
                <span className="break-words">{passage.section || passage.file}</span>
                <span className="shrink-0 tabular-nums text-muted-foreground">
                  {t("score", {
                    score: format.number(passage.score, { maximumFractionDigits: 2 }),
                  })}
                </span>
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-1">{t("noPassages")}</p>
        )}
        <p className="mt-2 font-medium">{t("toolCalls")}</p>
        <ul className="grid gap-0.5 font-mono">
          {toolCalls.map((call, index) => (
            <li key={index} className="break-all">
              {call.name} {call.input}
            </li>
          ))}
        </ul>
      </details>
      <Button
        type="button"
        variant="ghost"
        size="sm"
        aria-pressed={isFlagged}
        onClick={() => void toggle()}
      >
        {isFlagged ? t("flagged") : t("flag")}
      </Button>
      {error ? (
        <p role="alert" className="text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
