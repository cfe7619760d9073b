"use client";

import { Input } from "@echo/ui/components/input";
import { useTranslations } from "next-intl";

import { useStageLabel } from "../../hooks/use-stage-label";
import { CHANNELS, STAGES } from "../../lib/contact-form-values";
import { LabeledSelect } from "./labeled-select";

export type ContactFilterState = {
  search: string;
  stage: string;
  channel: string;
  tag: string;
  order: "asc" | "desc";
};

export const ALL = "all";

export function ContactFilters({
  value,
  onChange,
}: {
  value: ContactFilterState;
  onChange: (next: Partial<ContactFilterState>) => void;
}) {
  const t = useTranslations("contacts");
  const stageLabel = useStageLabel();
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-[2fr_1fr_1fr_1fr_1fr]">
      <label className="col-span-2 grid gap-1 md:col-span-1">
        <span className="text-xs text-muted-foreground">{t("filters.search")}</span>
        <Input
          type="search"
          value={value.search}
          placeholder={t("filters.searchPlaceholder")}
          onChange={(event) => onChange({ search: event.target.value })}
        />
      </label>
      <LabeledSelect
        label={t("filters.stage")}
        value={value.stage}
        onChange={(stage) => onChange({ stage })}
        options={[
          { value: ALL, label: t("filters.all") },
          ...STAGES.map((stage) => ({ value: stage, label: stageLabel(stage) })),
        ]}
      />
      <LabeledSelect
        label={t("filters.channel")}
        value={value.channel}
        onChange={(channel) => onChange({ channel })}
        options={[
          { value: ALL, label: t("filters.all") },
          ...CHANNELS.map((channel) => ({ value: channel, label: t(`channels.${channel}`) })),
        ]}
      />
      <label className="grid gap-1">
        <span className="text-xs text-muted-foreground">{t("filters.tag")}</span>
        <Input
          value={value.tag}
          placeholder={t("filters.tagPlaceholder")}
          onChange={(event) => onChange({ tag: event.target.value })}
        />
      </label>
      <LabeledSelect
        label={t("filters.order")}
        value={value.order}
        onChange={(order) => onChange({ order: order === "asc" ? "asc" : "desc" })}
        options={[
          { value: "desc", label: t("filters.newest") },
          { value: "asc", label: t("filters.oldest") },
        ]}
      />
    </div>
  );
}
