"use client";

import { Input } from "@echo/ui/components/input";
import { useTranslations } from "next-intl";

import { useStageLabel } from "../../hooks/use-stage-label";
import {
  ALL,
  LAST_SEEN_WINDOWS,
  SORTS,
  type ContactFilterState,
  type ContactSort,
  type FieldDefinition,
} from "../../lib/contact-filter-args";
import { CHANNELS, STAGES, type Stage } from "../../lib/contact-form-values";
import { CustomFieldFilter } from "./custom-field-filter";
import { LabeledSelect } from "./labeled-select";

const SORT_CHOICES = SORTS.flatMap((sort) => [`${sort}:desc`, `${sort}:asc`] as const);

export function ContactFilters({
  value,
  fields,
  onChange,
}: {
  value: ContactFilterState;
  fields: FieldDefinition[];
  onChange: (next: Partial<ContactFilterState>) => void;
}) {
  const t = useTranslations("contacts");
  const tf = useTranslations("contactFilters");
  const stageLabel = useStageLabel();
  const stagePicked = (STAGES as readonly string[]).includes(value.stage);
  return (
    <div className="grid gap-3">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-3">
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
          display={
            stagePicked ? tf("stagePicked", { stage: stageLabel(value.stage as Stage) }) : undefined
          }
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
          label={tf("lastSeen")}
          value={value.lastSeen}
          onChange={(lastSeen) => onChange({ lastSeen })}
          options={[
            { value: ALL, label: tf("anyTime") },
            ...LAST_SEEN_WINDOWS.map((window) => ({
              value: window,
              label: tf(`lastSeenWindows.${window}`),
            })),
          ]}
        />
        <LabeledSelect
          // A half-width phone column cut pt-BR sorts short ("Visto por último, mais rec…").
          className="col-span-2 md:col-span-1"
          label={tf("sort")}
          value={`${value.sort}:${value.order}`}
          onChange={(choice) => {
            const [sort, order] = choice.split(":");
            onChange({ sort: sort as ContactSort, order: order === "asc" ? "asc" : "desc" });
          }}
          options={SORT_CHOICES.map((choice) => ({
            value: choice,
            label: tf(`sorts.${choice.replace(":", "_")}` as "sorts.lastSeen_desc"),
          }))}
        />
      </div>
      <CustomFieldFilter
        fields={fields}
        value={value.field}
        onChange={(field) => onChange({ field })}
      />
    </div>
  );
}
