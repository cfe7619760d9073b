"use client";

import { AttachmentDrafts } from "@echo/ui/components/attachment-drafts";
import { Button } from "@echo/ui/components/button";
import { EmojiButton } from "@echo/ui/components/emoji-button";
import { Label } from "@echo/ui/components/label";
import { Textarea } from "@echo/ui/components/textarea";
import { type AttachmentDraft, filesOf, isUploading } from "@echo/ui/lib/attachment-drafts";
import { cn } from "@echo/ui/lib/utils";
import { Paperclip, SendHorizontal } from "lucide-react";
import { useTranslations } from "next-intl";
import {
  type ClipboardEvent,
  type DragEvent,
  type FormEvent,
  type KeyboardEvent,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";

import {
  type ComposerProblem,
  MAX_MESSAGE_CHARS,
  validateMessage,
} from "../../lib/composer-validation";
import { useAttachmentLabels } from "../../hooks/use-attachment-labels";

/** Files for the message: picked, dropped or pasted; the caller uploads them. */
export type ComposerAttachments = {
  drafts: readonly AttachmentDraft[];
  accept?: string;
  onAttach: (files: File[]) => void;
  onRemove: (key: string) => void;
};

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
  attachments,
}: {
  draft: string;
  onDraftChange: (draft: string) => void;
  onSend: (text: string) => void;
  sending: boolean;
  error: string | null;
  /** Off where the composer is only shown (the dashboard's preview). */
  autoFocus?: boolean;
  /** Absent where files cannot be sent (the dashboard's preview). */
  attachments?: ComposerAttachments;
}) {
  const t = useTranslations("chat");
  const tEmoji = useTranslations("emoji");
  const id = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const attachmentLabels = useAttachmentLabels();
  const fileInput = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<ComposerProblem | "UPLOADING" | null>(null);
  const [dragging, setDragging] = useState(false);
  const drafts = attachments?.drafts ?? [];
  const hasFiles = drafts.some((draft) => draft.status === "ready");

  useEffect(() => {
    if (autoFocus) ref.current?.focus();
  }, [autoFocus]);

  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (sending) return;
    if (isUploading(drafts)) {
      setProblem("UPLOADING");
      return;
    }
    const result = validateMessage(draft);
    if (!result.ok && !(result.problem === "EMPTY" && hasFiles)) {
      setProblem(result.problem);
      return;
    }
    setProblem(null);
    onSend(result.ok ? result.text : "");
  };

  const attach = (files: File[]) => {
    if (!attachments || files.length === 0) return false;
    attachments.onAttach(files);
    if (problem === "EMPTY") setProblem(null);
    return true;
  };
  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    if (attach(filesOf(event.clipboardData))) event.preventDefault();
  };
  const onDrop = (event: DragEvent<HTMLFormElement>) => {
    setDragging(false);
    if (attach(filesOf(event.dataTransfer))) event.preventDefault();
  };
  const onDragOver = (event: DragEvent<HTMLFormElement>) => {
    if (!attachments || !event.dataTransfer.types.includes("Files")) return;
    event.preventDefault();
    setDragging(true);
  };
  const insertEmoji = (emoji: string) => {
    const box = ref.current;
    const start = box?.selectionStart ?? draft.length;
    const end = box?.selectionEnd ?? draft.length;
    onDraftChange(draft.slice(0, start) + emoji + draft.slice(end));
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(start + emoji.length, start + emoji.length);
    });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  };

  const length = draft.trim().length;
  const message =
    problem === "UPLOADING"
      ? t("waitForUploads")
      : problem === "EMPTY"
        ? t("empty")
        : problem === "TOO_LONG" || length > MAX_MESSAGE_CHARS
          ? t("tooLong", { length, max: MAX_MESSAGE_CHARS })
          : error;
  const messageId = `${id}-message`;

  return (
    <form
      onSubmit={submit}
      onDrop={onDrop}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
      className={cn(
        "flex flex-col gap-1 border-t p-3",
        dragging && "bg-accent outline-2 outline-primary outline-dashed",
      )}
    >
      <Label htmlFor={id} className="sr-only">
        {t("composerLabel")}
      </Label>
      {attachments ? (
        <AttachmentDrafts
          drafts={attachments.drafts}
          onRemove={attachments.onRemove}
          labels={attachmentLabels}
        />
      ) : null}
      <div className="flex items-end gap-1">
        {attachments ? (
          <>
            <input
              ref={fileInput}
              type="file"
              multiple
              hidden
              accept={attachments.accept}
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
          </>
        ) : null}
        <EmojiButton
          onPick={insertEmoji}
          labels={{ open: tEmoji("open"), grid: tEmoji("label") }}
        />
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
          onPaste={onPaste}
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
