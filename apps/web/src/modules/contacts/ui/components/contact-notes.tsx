"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import { Textarea } from "@echo/ui/components/textarea";
import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";

import { ContactNoteItem } from "./contact-note-item";

/** The operators' notes on a contact, newest first, with a box to add one. */
export function ContactNotes({ contactId }: { contactId: Id<"contacts"> }) {
  const t = useTranslations("contactNotes");
  const headingId = useId();
  const notes = useQuery(api.private.contactNotes.list, { contactId });
  const add = useMutation(api.private.contactNotes.add);
  const [body, setBody] = useState("");
  const [saving, setSaving] = useState(false);
  return (
    <section aria-labelledby={headingId} className="grid gap-2">
      <h2 id={headingId} className="font-semibold">
        {t("title")}
      </h2>
      <form
        className="grid gap-2"
        onSubmit={async (event) => {
          event.preventDefault();
          setSaving(true);
          try {
            await add({ contactId, body });
            setBody("");
          } finally {
            setSaving(false);
          }
        }}
      >
        <Textarea
          aria-label={t("newLabel")}
          placeholder={t("placeholder")}
          value={body}
          maxLength={5000}
          onChange={(event) => setBody(event.target.value)}
        />
        <Button
          type="submit"
          size="sm"
          className="justify-self-start"
          disabled={!body.trim() || saving}
        >
          {t("add")}
        </Button>
      </form>
      {notes === undefined ? null : notes.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("empty")}</p>
      ) : (
        <ul className="grid gap-2">
          {notes.map((note) => (
            <ContactNoteItem key={note._id} note={note} />
          ))}
        </ul>
      )}
    </section>
  );
}
