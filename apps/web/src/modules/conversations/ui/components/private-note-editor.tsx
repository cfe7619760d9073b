"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import { Textarea } from "@echo/ui/components/textarea";
import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { type FormEvent, type KeyboardEvent, useId, useRef, useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

import {
  type ComposerSuggestion,
  useComposerSuggestions,
} from "../../hooks/use-composer-suggestions";
import { mentionedIds, replaceTrigger } from "../../lib/composer-trigger";
import { ComposerSuggestions, suggestionId } from "./composer-suggestions";
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
  const tNotes = useTranslations("notes");
  const tCanned = useTranslations("cannedResponses");
  const tEdits = useTranslations("noteEdits");
  const errorMessage = useErrorMessage();
  const edit = useMutation(api.private.notes.edit);
  const members = useQuery(api.private.members.list, {});
  const [draft, setDraft] = useState(note.text);
  const [caret, setCaret] = useState(note.text.length);
  const [picked, setPicked] = useState<{ userId: string; name: string }[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);
  const listId = useId();
  const suggestions = useComposerSuggestions({ conversationId, draft, caret, note: true });
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
        mentions: mentionedIds(draft, [...named, ...picked]),
      });
      onDone();
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setSaving(false);
    }
  }

  function pick(item: ComposerSuggestion) {
    if (!suggestions.trigger) return;
    const next = replaceTrigger(draft, suggestions.trigger, caret, item.insertion);
    setDraft(next.text);
    setCaret(next.caret);
    if (item.member) setPicked((members) => [...members, item.member!]);
    requestAnimationFrame(() => box.current?.setSelectionRange(next.caret, next.caret));
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (suggestions.onKeyDown(event, pick)) return;
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
      <ComposerSuggestions
        id={listId}
        label={suggestions.trigger?.kind === "mention" ? tNotes("mentionList") : tCanned("list")}
        items={suggestions.items}
        active={suggestions.active}
        onPick={pick}
      />
      <Textarea
        ref={box}
        autoFocus
        value={draft}
        onChange={(event) => {
          setDraft(event.target.value);
          setCaret(event.target.selectionStart);
        }}
        onSelect={(event) => setCaret(event.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
        aria-label={tEdits("editLabel")}
        aria-autocomplete="list"
        aria-controls={suggestions.items.length ? listId : undefined}
        aria-activedescendant={
          suggestions.items.length ? suggestionId(listId, suggestions.active) : undefined
        }
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
