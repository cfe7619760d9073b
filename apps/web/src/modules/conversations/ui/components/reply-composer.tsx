"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { errorCodeOf } from "@echo/backend/convex/lib/errors";
import { AttachmentDrafts } from "@echo/ui/components/attachment-drafts";
import { Button } from "@echo/ui/components/button";
import { EmojiButton } from "@echo/ui/components/emoji-button";
import { Textarea } from "@echo/ui/components/textarea";
import { filesOf, isUploading, readyAttachmentIds } from "@echo/ui/lib/attachment-drafts";
import { cn } from "@echo/ui/lib/utils";
import { useAction, useMutation } from "convex/react";
import { Paperclip } from "lucide-react";
import { useTranslations } from "next-intl";
import {
  type ClipboardEvent,
  type DragEvent,
  type FormEvent,
  type KeyboardEvent,
  type Ref,
  useImperativeHandle,
  useRef,
  useState,
} from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

import { useAttachmentLabels } from "../../hooks/use-attachment-labels";
import { useOperatorTyping } from "../../hooks/use-operator-typing";
import { useReplyAttachments } from "../../hooks/use-reply-attachments";

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
  useOperatorTyping(conversationId, disabled ? "" : draft);
  const [busy, setBusy] = useState<"send" | "enhance" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tEmoji = useTranslations("emoji");
  const files = useReplyAttachments(conversationId);
  const attachmentLabels = useAttachmentLabels();
  const box = useRef<HTMLTextAreaElement>(null);
  // The view focuses the box from its keyboard shortcut; the emoji grid needs the caret too.
  useImperativeHandle(textareaRef, () => box.current!, []);
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const tooLong = draft.length > MAX_REPLY_CHARS;
  const attachmentIds = readyAttachmentIds<Id<"attachments">>(files.drafts);
  const uploading = isUploading(files.drafts);
  const sendable = (draft.trim() !== "" || attachmentIds.length > 0) && !tooLong && !uploading;

  async function send(event?: FormEvent) {
    event?.preventDefault();
    if (!sendable) return;
    setBusy("send");
    setError(null);
    try {
      await reply({
        conversationId,
        text: draft,
        ...(attachmentIds.length ? { attachmentIds } : {}),
      });
      files.clearSent(attachmentIds);
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

  function attach(picked: File[]) {
    if (picked.length === 0) return false;
    void files.attach(picked);
    return true;
  }
  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    if (attach(filesOf(event.clipboardData))) event.preventDefault();
  }
  function onDrop(event: DragEvent<HTMLFormElement>) {
    setDragging(false);
    if (attach(filesOf(event.dataTransfer))) event.preventDefault();
  }
  function onDragOver(event: DragEvent<HTMLFormElement>) {
    if (!event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    setDragging(true);
  }
  function insertEmoji(emoji: string) {
    const start = box.current?.selectionStart ?? draft.length;
    const end = box.current?.selectionEnd ?? draft.length;
    setDraft(draft.slice(0, start) + emoji + draft.slice(end));
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  }
  if (disabled) {
    return <p className="border-t p-4 text-sm text-muted-foreground">{t("resolvedReadOnly")}</p>;
  }
  return (
    <form
      className={cn(
        "grid gap-2 border-t p-3",
        dragging && "bg-accent outline-2 outline-primary outline-dashed",
      )}
      onSubmit={send}
      onDrop={onDrop}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
    >
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <Textarea
        ref={box}
        aria-keyshortcuts="r"
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        placeholder={t("replyPlaceholder")}
        aria-label={t("reply")}
        aria-invalid={tooLong}
        rows={3}
      />
      <AttachmentDrafts drafts={files.drafts} onRemove={files.remove} labels={attachmentLabels} />
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
        <div className="flex items-center gap-2">
          <input
            ref={fileInput}
            type="file"
            multiple
            hidden
            accept={files.accept}
            data-testid="attachment-input"
            onChange={(event) => {
              attach(Array.from(event.target.files ?? []));
              event.target.value = "";
            }}
          />
          <Button
            type="button"
            variant="ghost"
            size="icon"
            aria-label={t("attach")}
            onClick={() => fileInput.current?.click()}
          >
            <Paperclip aria-hidden />
          </Button>
          <EmojiButton
            onPick={insertEmoji}
            labels={{ open: tEmoji("open"), grid: tEmoji("label") }}
          />
          <Button
            type="button"
            variant="outline"
            size="sm"
            onClick={improve}
            disabled={busy !== null || !draft.trim() || tooLong}
          >
            {busy === "enhance" ? t("enhancing") : t("enhance")}
          </Button>
          <Button type="submit" size="sm" disabled={busy !== null || !sendable}>
            {t("send")}
          </Button>
        </div>
      </div>
    </form>
  );
}
