"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import { Textarea } from "@echo/ui/components/textarea";
import { useMutation } from "convex/react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";

export type ContactNote = {
  _id: Id<"contactNotes">;
  _creationTime: number;
  authorName: string;
  body: string;
  editedAt: number | null;
  own: boolean;
};

/** One note: who wrote it and when; its author can edit or delete it. */
export function ContactNoteItem({ note }: { note: ContactNote }) {
  const t = useTranslations("contactNotes");
  const format = useFormatter();
  const edit = useMutation(api.private.contactNotes.edit);
  const remove = useMutation(api.private.contactNotes.remove);
  const [draft, setDraft] = useState<string | null>(null);
  const when = format.dateTime(note._creationTime, { dateStyle: "medium", timeStyle: "short" });
  return (
    <li className="grid gap-1 rounded-md border p-3 text-sm">
      <p className="text-xs text-muted-foreground">
        {t("byline", { author: note.authorName, when })}
        {note.editedAt !== null ? ` · ${t("edited")}` : null}
      </p>
      {draft === null ? (
        <p className="whitespace-pre-wrap [overflow-wrap:anywhere]">{note.body}</p>
      ) : (
        <form
          className="grid gap-2"
          onSubmit={async (event) => {
            event.preventDefault();
            await edit({ noteId: note._id, body: draft });
            setDraft(null);
          }}
        >
          <Textarea
            aria-label={t("editLabel")}
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
          />
          <div className="flex gap-2">
            <Button type="submit" size="sm" disabled={!draft.trim()}>
              {t("save")}
            </Button>
            <Button type="button" size="sm" variant="ghost" onClick={() => setDraft(null)}>
              {t("cancel")}
            </Button>
          </div>
        </form>
      )}
      {note.own && draft === null ? (
        <div className="flex gap-2">
          <Button size="sm" variant="ghost" onClick={() => setDraft(note.body)}>
            {t("edit")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => void remove({ noteId: note._id })}>
            {t("delete")}
          </Button>
        </div>
      ) : null}
    </li>
  );
}
