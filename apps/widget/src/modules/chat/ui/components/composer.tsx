"use client";

import { Button } from "@echo/ui/components/button";
import { Label } from "@echo/ui/components/label";
import { Textarea } from "@echo/ui/components/textarea";
import { SendHorizontal } from "lucide-react";
import { useTranslations } from "next-intl";
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from "react";

import {
  type ComposerProblem,
  MAX_MESSAGE_CHARS,
  validateMessage,
} from "../../lib/composer-validation";

/**
 * The message box: Enter sends, Shift+Enter breaks the line; empty and over-long text is refused
 * with a message instead of a silent no-op. The draft is owned by the caller so it survives re-auth.
 */
export function Composer({
  draft,
  onDraftChange,
  onSend,
  sending,
  error,
  autoFocus = true,
}: {
  draft: string;
  onDraftChange: (draft: string) => void;
  onSend: (text: string) => void;
  sending: boolean;
  error: string | null;
  /** Off where the composer is only shown (the dashboard's preview). */
  autoFocus?: boolean;
}) {
  const t = useTranslations("chat");
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [problem, setProblem] = useState<ComposerProblem | null>(null);

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (sending) return;
    const result = validateMessage(draft);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    onSend(result.text);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  };

  const length = draft.trim().length;
  const message =
    problem === "EMPTY"
      ? t("empty")
      : problem === "TOO_LONG" || length > MAX_MESSAGE_CHARS
        ? t("tooLong", { length, max: MAX_MESSAGE_CHARS })
        : error;
  const messageId = `${id}-message`;

  return (
    <form onSubmit={submit} className="flex flex-col gap-1 border-t p-3">
      <Label htmlFor={id} className="sr-only">
        {t("composerLabel")}
      </Label>
      <div className="flex items-end gap-2">
        <Textarea
          ref={ref}
          id={id}
          rows={1}
          value={draft}
          placeholder={t("composerPlaceholder")}
          onChange={(event) => {
            onDraftChange(event.target.value);
            if (problem === "EMPTY") setProblem(null);
          }}
          onKeyDown={onKeyDown}
          aria-invalid={message ? true : undefined}
          aria-describedby={message ? messageId : undefined}
          className="max-h-32 min-h-9 resize-none"
        />
        <Button
          type="submit"
          size="icon"
          aria-label={sending ? t("sending") : t("send")}
          disabled={sending}
        >
          <SendHorizontal aria-hidden />
        </Button>
      </div>
      {message ? (
        <p id={messageId} role="alert" className="text-sm text-destructive">
          {message}
        </p>
      ) : null}
    </form>
  );
}
