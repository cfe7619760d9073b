"use client";

import { Input } from "@echo/ui/components/input";
import { SelectItem } from "@echo/ui/components/select";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";

import { useStageLabel } from "@/modules/contacts/hooks/use-stage-label";
import { STAGES, type Stage } from "@/modules/contacts/lib/contact-form-values";

import { useInboxFilters } from "../../hooks/use-inbox-filters";
import { InboxFilterSelect } from "./inbox-filter-select";

const ANY = "any";
const TYPING_DELAY_MS = 300;

/**
 * Narrows the inbox to conversations whose visitor's contact has a tag or a lifecycle stage; one
 * field a row, so "Qualquer estágio do contato" reads in full in the inbox's 320 px column.
 */
export function ContactInboxFilters() {
  const t = useTranslations("contactInbox");
  const tFilters = useTranslations("contactFilters");
  const stageLabel = useStageLabel();
  const { contact, update } = useInboxFilters();
  const applied = contact.contactTag ?? "";
  const [tag, setTag] = useState(applied);

  useEffect(() => {
    if (tag.trim() === applied) return;
    const timer = setTimeout(() => update({ contactTag: tag.trim() || null }), TYPING_DELAY_MS);
    return () => clearTimeout(timer);
  }, [tag, applied, update]);

  return (
    <div className="grid gap-1">
      <InboxFilterSelect
        label={t("stage")}
        testId="contact-stage-filter"
        value={contact.contactStage ?? ANY}
        display={
          contact.contactStage
            ? tFilters("stagePicked", { stage: stageLabel(contact.contactStage) })
            : undefined
        }
        onValueChange={(stage) => update({ contactStage: stage === ANY ? null : (stage as Stage) })}
      >
        <SelectItem value={ANY}>{t("anyStage")}</SelectItem>
        {STAGES.map((stage) => (
          <SelectItem key={stage} value={stage}>
            {stageLabel(stage)}
          </SelectItem>
        ))}
      </InboxFilterSelect>
      <Input
        type="search"
        aria-label={t("tag")}
        placeholder={t("tagPlaceholder")}
        value={tag}
        onChange={(event) => setTag(event.target.value)}
        className="h-8 min-w-0 text-sm"
      />
    </div>
  );
}
