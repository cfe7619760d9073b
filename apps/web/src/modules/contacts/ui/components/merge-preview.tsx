"use client";

import type { FunctionReturnType } from "convex/server";
import type { api } from "@echo/backend/convex/_generated/api";
import { useTranslations } from "next-intl";

import { useStageLabel } from "../../hooks/use-stage-label";
import type { FieldDefinition } from "../../lib/contact-filter-args";
import type { Stage } from "../../lib/contact-form-values";

export type MergePreviewData = FunctionReturnType<typeof api.private.contactMerge.preview>;
type Value = string | number | boolean;

/** What a merge combines, and for each conflict a choice between the two contacts' values. */
export function MergePreview({
  preview,
  keptName,
  fields,
  useDuplicate,
  onChoose,
}: {
  preview: MergePreviewData;
  keptName: string;
  fields: FieldDefinition[];
  useDuplicate: string[];
  onChoose: (field: string, fromDuplicate: boolean) => void;
}) {
  const t = useTranslations("contactMerge");
  const tProfile = useTranslations("contacts.profile");
  const tValues = useTranslations("contactFieldValues");
  const stageLabel = useStageLabel();
  const labelOf = (field: string) => {
    if (field.startsWith("custom:")) {
      const key = field.slice("custom:".length);
      return fields.find((f) => f.key === key)?.label ?? key;
    }
    return t(`fields.${field}` as "fields.name");
  };
  const shown = (field: string, value: Value) =>
    typeof value === "boolean"
      ? tValues(value ? "yes" : "no")
      : field === "stage"
        ? stageLabel(value as Stage)
        : String(value);
  const list = (items: string[]) => (items.length > 0 ? items.join(", ") : tProfile("unknown"));
  const customRows = Object.entries(preview.customFields).map(([key, value]) => [
    labelOf(`custom:${key}`),
    shown(key, value),
  ]);
  return (
    <div className="grid gap-4 text-sm">
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
        <dt className="text-muted-foreground">{t("conversations")}</dt>
        <dd>
          {t("conversationCount", {
            kept: preview.conversations.kept,
            duplicate: preview.conversations.duplicate,
            total: preview.conversations.kept + preview.conversations.duplicate,
          })}
        </dd>
        <dt className="text-muted-foreground">{tProfile("emails")}</dt>
        <dd className="min-w-0 [overflow-wrap:anywhere]">{list(preview.emails)}</dd>
        <dt className="text-muted-foreground">{tProfile("phones")}</dt>
        <dd>{list(preview.phones)}</dd>
        <dt className="text-muted-foreground">{tProfile("tags")}</dt>
        <dd>{list(preview.tags)}</dd>
        {customRows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-muted-foreground">{label}</dt>
            <dd className="min-w-0 [overflow-wrap:anywhere]">{value}</dd>
          </div>
        ))}
      </dl>
      {preview.conflicts.length > 0 ? (
        <fieldset className="grid gap-3">
          <legend className="mb-1 font-medium">{t("conflicts")}</legend>
          {preview.conflicts.map((conflict) => {
            const fromDuplicate = useDuplicate.includes(conflict.field);
            return (
              <div
                key={conflict.field}
                role="radiogroup"
                aria-label={labelOf(conflict.field)}
                className="grid gap-1"
              >
                <span className="text-muted-foreground">{labelOf(conflict.field)}</span>
                {[false, true].map((duplicate) => (
                  <label key={String(duplicate)} className="flex items-center gap-2">
                    <input
                      type="radio"
                      name={`conflict-${conflict.field}`}
                      checked={fromDuplicate === duplicate}
                      onChange={() => onChoose(conflict.field, duplicate)}
                    />
                    <span className="min-w-0 [overflow-wrap:anywhere]">
                      {shown(conflict.field, duplicate ? conflict.duplicate : conflict.kept)}
                      {conflict.field === "name" ? null : (
                        <span className="text-muted-foreground">
                          {" "}
                          ({duplicate ? preview.duplicate.name : keptName})
                        </span>
                      )}
                    </span>
                  </label>
                ))}
              </div>
            );
          })}
        </fieldset>
      ) : null}
    </div>
  );
}
