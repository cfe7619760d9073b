"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import { useMutation, useQuery } from "convex/react";
import { ArrowLeftIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { Link, useRouter } from "@/i18n/navigation";

import { toFormValues } from "../../lib/contact-form-values";
import { ContactActions } from "../components/contact-actions";
import { ContactForm } from "../components/contact-form";
import { ContactNotes } from "../components/contact-notes";
import { ContactProfile } from "../components/contact-profile";
import { ContactTimeline } from "../components/contact-timeline";
import { MergeContactDialog } from "../components/merge-contact-dialog";

export function ContactView({ contactId }: { contactId: Id<"contacts"> }) {
  const t = useTranslations("contacts");
  const router = useRouter();
  // A merged-away contact's page leads to the contact that kept its data.
  const survivor = useQuery(api.private.contactMerge.survivor, { contactId });
  const contact = useQuery(api.private.contacts.get, survivor === null ? { contactId } : "skip");
  const organization = useQuery(api.private.organization.current);
  const isAdmin = organization?.role === "owner" || organization?.role === "admin";
  const update = useMutation(api.private.contacts.update);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (survivor) router.replace(`/contacts/${survivor}`);
  }, [survivor, router]);
  if (contact === undefined)
    return <div className="m-6 h-40 animate-pulse rounded-md bg-muted" aria-label={t("loading")} />;
  return (
    <section className="mx-auto grid w-full max-w-5xl gap-6 p-4 md:p-6">
      <Link
        href="/contacts"
        className="flex items-center gap-1 text-sm text-muted-foreground hover:underline"
      >
        <ArrowLeftIcon aria-hidden className="size-4" />
        {t("back")}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <h1 className="text-xl font-semibold [overflow-wrap:anywhere]">{contact.name}</h1>
        <div className="flex flex-wrap gap-2">
          {isAdmin ? <MergeContactDialog contactId={contactId} name={contact.name} /> : null}
          <Button variant="outline" onClick={() => setEditing(!editing)}>
            {editing ? t("form.cancel") : t("form.edit")}
          </Button>
        </div>
      </div>
      <div className="grid gap-6 md:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <div className="grid content-start gap-6">
          {editing ? (
            <ContactForm
              initial={toFormValues(contact)}
              submitLabel={t("form.save")}
              onSubmit={async (input) => {
                await update({ contactId, ...input });
                setEditing(false);
              }}
            />
          ) : (
            <ContactProfile contact={contact} />
          )}
          <ContactActions contactId={contactId} name={contact.name} />
          <ContactNotes contactId={contactId} />
        </div>
        <ContactTimeline contactId={contactId} />
      </div>
    </section>
  );
}
