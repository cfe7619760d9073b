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
import { useComposerMentions } from "../../hooks/use-composer-mentions";
import { useOperatorTyping } from "../../hooks/use-operator-typing";
import { useReplyAttachments } from "../../hooks/use-reply-attachments";
import { mentionedIds } from "../../lib/composer-trigger";

export const MAX_REPLY_CHARS = 4000;

/**
 * The operator's reply box. `handsOver`: the AI is still handling the conversation, so sending
 * escalates it to a person (the backend's reply does), and the box says so. In Note mode it
 * writes a private note for teammates instead, where `@` mentions a member; `/` inserts a canned
 * response in both modes.
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
  const tNotes = useTranslations("notes");
  const errorMessage = useErrorMessage();
  const reply = useMutation(api.private.messages.reply);
  const addNote = useMutation(api.private.notes.add);
  const [mode, setMode] = useState<"reply" | "note">("reply");
  const note = mode === "note";
  const enhance = useAction(api.private.messages.enhance);
  const [draft, setDraft] = useState("");
  // A private note is for teammates: the visitor never sees it being typed.
  useOperatorTyping(conversationId, disabled || note ? "" : draft);
  const [busy, setBusy] = useState<"send" | "enhance" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tEmoji = useTranslations("emoji");
  const files = useReplyAttachments(conversationId);
  const attachmentLabels = useAttachmentLabels();
  const mentions = useComposerMentions({ conversationId, draft, setDraft, note });
  const box = mentions.box;
  // The view focuses the box from its keyboard shortcut; the emoji grid needs the caret too.
  useImperativeHandle(textareaRef, () => box.current!, [box]);
  const fileInput = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const tooLong = draft.length > MAX_REPLY_CHARS;
  const attachmentIds = readyAttachmentIds<Id<"attachments">>(files.drafts);
  const uploading = isUploading(files.drafts);
  const sendable = note
    ? draft.trim() !== "" && !tooLong
    : (draft.trim() !== "" || attachmentIds.length > 0) && !tooLong && !uploading;

  async function send(event?: FormEvent) {
    event?.preventDefault();
    if (!sendable) return;
    setBusy("send");
    setError(null);
    try {
      if (note) {
        await addNote({
          conversationId,
          text: draft,
          mentions: mentionedIds(draft, mentions.picked),
        });
        mentions.clearPicked();
      } else {
        await reply({
          conversationId,
          text: draft,
          ...(attachmentIds.length ? { attachmentIds } : {}),
        });
        files.clearSent(attachmentIds);
      }
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
    if (mentions.suggestionKey(event)) return;
    if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) void send();
  }

  function attach(chosen: File[]) {
    // A note is text for teammates; files go out with replies.
    if (chosen.length === 0 || note) return false;
    void files.attach(chosen);
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
      data-mode={mode}
      className={cn(
        "grid gap-2 border-t p-3",
        note && "bg-amber-50 dark:bg-amber-950/40",
        dragging && "bg-accent outline-2 outline-primary outline-dashed",
      )}
      onSubmit={send}
      onDrop={onDrop}
      onDragOver={onDragOver}
      onDragLeave={() => setDragging(false)}
    >
      <div role="group" aria-label={tNotes("composerMode")} className="flex gap-1">
        {(["reply", "note"] as const).map((option) => (
          <Button
            key={option}
            type="button"
            size="sm"
            variant={mode === option ? "secondary" : "ghost"}
            aria-pressed={mode === option}
            onClick={() => {
              setMode(option);
              box.current?.focus();
            }}
          >
            {tNotes(option === "reply" ? "modeReply" : "modeNote")}
          </Button>
        ))}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      {mentions.list}
      <Textarea
        {...mentions.textareaProps}
        aria-keyshortcuts="r"
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        placeholder={note ? tNotes("placeholder") : t("replyPlaceholder")}
        aria-label={note ? tNotes("label") : t("reply")}
        aria-invalid={tooLong}
        className={cn(note && "border-amber-400 bg-background")}
        rows={3}
      />
      {note ? null : (
        <AttachmentDrafts drafts={files.drafts} onRemove={files.remove} labels={attachmentLabels} />
      )}
      <div className="flex items-center justify-between gap-2">
        {tooLong ? (
          <span className="text-xs text-destructive">{t("tooLong", { max: MAX_REPLY_CHARS })}</span>
        ) : (
          <span className="grid text-xs text-muted-foreground">
            {note ? <span>{tNotes("hint")}</span> : handsOver ? <span>{t("sendHint")}</span> : null}
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
          {note ? null : (
            <Button
              type="button"
              variant="ghost"
              size="icon"
              aria-label={t("attach")}
              onClick={() => fileInput.current?.click()}
            >
              <Paperclip aria-hidden />
            </Button>
          )}
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
            {note ? tNotes("add") : t("send")}
          </Button>
        </div>
      </div>
    </form>
  );
}
