"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import { Textarea } from "@echo/ui/components/textarea";
import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { type FormEvent, type KeyboardEvent, useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

import { useComposerMentions } from "../../hooks/use-composer-mentions";
import { mentionedIds } from "../../lib/composer-trigger";
import type { ConversationNote } from "./private-note";
import { MAX_REPLY_CHARS } from "./reply-composer";

/**
 * A note's text in an editable box, where `@` names more members as in the composer. The members
 * the note already names stay mentioned while their `@name` is in the text.
 */
export function PrivateNoteEditor({
  note,
  conversationId,
  onDone,
}: {
  note: ConversationNote;
  conversationId: Id<"conversations">;
  onDone: () => void;
}) {
  const tEdits = useTranslations("noteEdits");
  const errorMessage = useErrorMessage();
  const edit = useMutation(api.private.notes.edit);
  const members = useQuery(api.private.members.list, {});
  const [draft, setDraft] = useState(note.text);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const mentions = useComposerMentions({
    conversationId,
    draft,
    setDraft,
    note: true,
    initialCaret: note.text.length,
  });
  const named = (members ?? []).filter((member) => note.mentions.includes(member.userId));
  const saveable = draft.trim() !== "" && draft.length <= MAX_REPLY_CHARS && !saving;

  async function save(event?: FormEvent) {
    event?.preventDefault();
    if (!saveable) return;
    setSaving(true);
    setError(null);
    try {
      await edit({
        noteId: note._id,
        text: draft,
        mentions: mentionedIds(draft, [...named, ...mentions.picked]),
      });
      onDone();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (mentions.suggestionKey(event)) return;
    if (event.key === "Escape") onDone();
    else if (event.key === "Enter" && (event.metaKey || event.ctrlKey)) void save();
  }

  return (
    <form className="grid w-full min-w-64 gap-2" onSubmit={save}>
      {error ? (
        <p role="alert" className="text-xs text-destructive">
          {error}
        </p>
      ) : null}
      {mentions.list}
      <Textarea
        {...mentions.textareaProps}
        autoFocus
        onKeyDown={onKeyDown}
        aria-label={tEdits("editLabel")}
        className="border-amber-400 bg-background"
        rows={3}
      />
      <div className="flex justify-end gap-2">
        <Button type="button" size="sm" variant="ghost" onClick={onDone}>
          {tEdits("cancel")}
        </Button>
        <Button type="submit" size="sm" disabled={!saveable}>
          {tEdits("save")}
        </Button>
      </div>
    </form>
  );
}
