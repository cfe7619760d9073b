"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { errorCodeOf } from "@echo/backend/convex/lib/errors";
import { Button } from "@echo/ui/components/button";
import { Textarea } from "@echo/ui/components/textarea";
import { useAction, useMutation } from "convex/react";
import { useTranslations } from "next-intl";
import { type FormEvent, type KeyboardEvent, type Ref, useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

export const MAX_REPLY_CHARS = 4000;

/**
 * The operator's reply box. `handsOver`: the AI is still handling the conversation, so sending
 * escalates it to a person (the backend's reply does), and the box says so.
 */
export function ReplyComposer({
  conversationId,
  disabled,
  handsOver,
  textareaRef,
}: {
  conversationId: Id<"conversations">;
  disabled: boolean;
  handsOver: boolean;
  textareaRef?: Ref<HTMLTextAreaElement>;
}) {
  const t = useTranslations("conversations");
  const errorMessage = useErrorMessage();
  const reply = useMutation(api.private.messages.reply);
  const enhance = useAction(api.private.messages.enhance);
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState<"send" | "enhance" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tooLong = draft.length > MAX_REPLY_CHARS;

  async function send(event?: FormEvent) {
    event?.preventDefault();
    if (!draft.trim() || tooLong) return;
    setBusy("send");
    setError(null);
    try {
      await reply({ conversationId, text: draft });
      setDraft("");
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(null);
    }
  }

  async function improve() {
    if (!draft.trim() || tooLong) return;
    setBusy("enhance");
    setError(null);
    try {
      setDraft((await enhance({ text: draft })).text);
    } catch (failure) {
      // Without a language model there is nothing to enhance with; say how to configure one.
      setError(
        errorCodeOf(failure) === "NOT_CONFIGURED" ? t("enhanceNeedsModel") : errorMessage(failure),
      );
    } finally {
      setBusy(null);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) void send();
  }

  if (disabled) {
    return <p className="border-t p-4 text-sm text-muted-foreground">{t("resolvedReadOnly")}</p>;
  }
  return (
    <form className="grid gap-2 border-t p-3" onSubmit={send}>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <Textarea
        ref={textareaRef}
        aria-keyshortcuts="r"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        placeholder={t("replyPlaceholder")}
        aria-label={t("reply")}
        aria-invalid={tooLong}
        rows={3}
      />
      <div className="flex items-center justify-between gap-2">
        {tooLong ? (
          <span className="text-xs text-destructive">{t("tooLong", { max: MAX_REPLY_CHARS })}</span>
        ) : (
          <span className="grid text-xs text-muted-foreground">
            {handsOver ? <span>{t("sendHint")}</span> : null}
            {/* A touch screen has no Ctrl key to press. */}
            <span className="pointer-coarse:hidden" data-testid="send-shortcut">
              {t("sendShortcut")}
            </span>
          </span>
        )}
        <div className="flex gap-2">
          <Button
            type="button"
            variant="outline"
            size="sm"
            onClick={improve}
            disabled={busy !== null || !draft.trim() || tooLong}
          >
            {busy === "enhance" ? t("enhancing") : t("enhance")}
          </Button>
          <Button type="submit" size="sm" disabled={busy !== null || !draft.trim() || tooLong}>
            {t("send")}
          </Button>
        </div>
      </div>
    </form>
  );
}
