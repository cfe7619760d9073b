"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Badge } from "@echo/ui/components/badge";
import { Button } from "@echo/ui/components/button";
import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";

import { Link } from "@/i18n/navigation";
import { useStageLabel } from "@/modules/contacts/hooks/use-stage-label";
import { ContactFieldList } from "@/modules/contacts/ui/components/contact-field-list";

/** The contact the visitor is (across channels), with its page; a wrong email match is undone here. */
export function ContactRecord({ conversationId }: { conversationId: Id<"conversations"> }) {
  const t = useTranslations("contacts.panel");
  const contact = useQuery(api.private.contactHistory.forConversation, { conversationId });
  const unlink = useMutation(api.private.contactHistory.unlinkConversation);
  const stageLabel = useStageLabel();
  if (contact === undefined) return null;
  if (contact === null) return <p className="text-muted-foreground">{t("none")}</p>;
  return (
    <div className="grid gap-2 rounded-md border p-3" aria-label={t("title")}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium">{contact.name}</span>
        <Link href={`/contacts/${contact._id}`} className="text-sm underline underline-offset-4">
          {t("open")}
        </Link>
        {contact.stage ? <Badge variant="outline">{stageLabel(contact.stage)}</Badge> : null}
      </div>
      <ContactFieldList contact={contact} />
      {contact.tags.length > 0 ? (
        <div className="flex flex-wrap gap-1">
          {contact.tags.map((tag) => (
            <Badge key={tag} variant="secondary">
              {tag}
            </Badge>
          ))}
        </div>
      ) : null}
      <Button
        variant="ghost"
        size="sm"
        className="justify-self-start"
        onClick={() => void unlink({ conversationId })}
      >
        {t("unlink")}
      </Button>
    </div>
  );
}
