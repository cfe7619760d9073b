"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import { Textarea } from "@echo/ui/components/textarea";
import { cn } from "@echo/ui/lib/utils";
import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { errorCodeOf, type ErrorCode } from "@/modules/errors/lib/error-code";
import { useSessionErrorHandler } from "@/modules/session/hooks/use-session-expiry";

const RATINGS = [1, 2, 3, 4, 5] as const;
const MAX_COMMENT_CHARS = 1000;

/** Asks the visitor, once per conversation, how the resolved conversation went (1–5 and a comment). */
export function CsatPrompt({
  contactSessionId,
  conversationId,
}: {
  contactSessionId: Id<"contactSessions">;
  conversationId: Id<"conversations">;
}) {
  const t = useTranslations("csat");
  const tErrors = useTranslations("errors");
  const handleSessionError = useSessionErrorHandler();
  const existing = useQuery(api.public.csat.get, { contactSessionId, conversationId });
  const submit = useMutation(api.public.csat.submit);
  const [rating, setRating] = useState<number | null>(null);
  const [comment, setComment] = useState("");
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<ErrorCode | null>(null);

  if (existing === undefined) return null;
  if (existing !== null) {
    return (
      <p role="status" className="text-center text-sm text-muted-foreground">
        {t("thanks", { rating: existing.rating })}
      </p>
    );
  }

  const send = async (event: FormEvent) => {
    event.preventDefault();
    if (rating === null) return;
    setSending(true);
    setError(null);
    try {
      const trimmed = comment.trim();
      await submit({
        contactSessionId,
        conversationId,
        rating,
        ...(trimmed ? { comment: trimmed } : {}),
      });
    } catch (caught) {
      if (!handleSessionError(caught)) setError(errorCodeOf(caught));
    } finally {
      setSending(false);
    }
  };

  return (
    <form onSubmit={(event) => void send(event)} className="flex flex-col gap-2">
      <fieldset className="flex flex-col items-center gap-2">
        <legend className="mb-2 text-center text-sm font-medium">{t("question")}</legend>
        <div className="flex gap-1">
          {RATINGS.map((value) => (
            <button
              key={value}
              type="button"
              aria-pressed={rating === value}
              aria-label={t("ratingLabel", { rating: value, label: t(`labels.${value}`) })}
              title={t(`labels.${value}`)}
              onClick={() => setRating(value)}
              className={cn(
                "size-10 rounded-md border text-lg leading-none transition-colors",
                rating !== null && value <= rating
                  ? "border-primary bg-primary text-primary-foreground"
                  : "hover:bg-accent",
              )}
            >
              <span aria-hidden>★</span>
            </button>
          ))}
        </div>
        {rating !== null ? (
          <p className="text-xs text-muted-foreground">{t(`labels.${rating}`)}</p>
        ) : null}
      </fieldset>
      {rating !== null ? (
        <>
          <Textarea
            aria-label={t("commentLabel")}
            placeholder={t("commentPlaceholder")}
            maxLength={MAX_COMMENT_CHARS}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            rows={2}
          />
          <Button type="submit" disabled={sending}>
            {sending ? t("sending") : t("submit")}
          </Button>
        </>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-destructive">
          {tErrors(error)}
        </p>
      ) : null}
    </form>
  );
}
