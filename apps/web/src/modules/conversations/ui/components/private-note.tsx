"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import { MessageMarkdown } from "@echo/ui/components/message-markdown";
import { useMutation } from "convex/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

import { PrivateNoteEditor } from "./private-note-editor";

export type ConversationNote = {
  _id: Id<"conversationNotes">;
  authorName: string;
  text: string;
  mentions: string[];
  editedAt?: number;
  /** The caller wrote it or is an admin. */
  canChange: boolean;
};

/**
 * A teammate's private note in the thread: set apart in amber and labelled, never sent. Its
 * author and admins can edit it in place or delete it; an edited note says so.
 */
export function PrivateNote({
  note,
  conversationId,
}: {
  note: ConversationNote;
  conversationId: Id<"conversations">;
}) {
  const t = useTranslations("notes");
  const tEdits = useTranslations("noteEdits");
  const errorMessage = useErrorMessage();
  const remove = useMutation(api.private.notes.remove);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const byline = t("by", { name: note.authorName });
  return (
    <article
      data-author="note"
      aria-label={byline}
      className="flex max-w-[80%] flex-col items-end gap-1 self-end"
    >
      <span className="text-xs text-muted-foreground">
        {byline} · {t("visibility")}
        {note.editedAt !== undefined ? ` · ${tEdits("edited")}` : null}
      </span>
      {editing ? (
        <PrivateNoteEditor
          note={note}
          conversationId={conversationId}
          onDone={() => setEditing(false)}
        />
      ) : (
        <div className="max-w-full break-words rounded-lg border border-dashed border-amber-500 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:bg-amber-950/40 dark:text-amber-100">
          <MessageMarkdown text={note.text} />
        </div>
      )}
      {error ? (
        <p role="alert" className="text-xs text-destructive">
          {error}
        </p>
      ) : null}
      {note.canChange && !editing ? (
        <div className="flex gap-1">
          <Button
            size="sm"
            variant="ghost"
            className="h-7 px-2 text-xs"
            aria-label={tEdits("editNote", { name: note.authorName })}
            onClick={() => setEditing(true)}
          >
            {tEdits("edit")}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            className="h-7 px-2 text-xs"
            aria-label={tEdits("deleteNote", { name: note.authorName })}
            onClick={() => {
              setError(null);
              remove({ noteId: note._id }).catch((failure: unknown) =>
                setError(errorMessage(failure)),
              );
            }}
          >
            {tEdits("delete")}
          </Button>
        </div>
      ) : null}
    </article>
  );
}
