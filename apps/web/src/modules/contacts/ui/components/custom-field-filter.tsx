"use client";

import { Input } from "@echo/ui/components/input";
import { useTranslations } from "next-intl";

import {
  FIELD_OPERATORS,
  NO_FIELD,
  type FieldDefinition,
  type FieldFilterState,
  type FieldOperator,
} from "../../lib/contact-filter-args";
import { LabeledSelect } from "./labeled-select";

const NONE = "none";

/** One custom field's condition: the field, how it compares (per its type), and the value. */
export function CustomFieldFilter({
  fields,
  value,
  onChange,
}: {
  fields: FieldDefinition[];
  value: FieldFilterState;
  onChange: (next: FieldFilterState) => void;
}) {
  const t = useTranslations("contactFilters");
  const tValues = useTranslations("contactFieldValues");
  if (fields.length === 0) return null;
  const field = fields.find((f) => f.key === value.key);
  const set = (patch: Partial<FieldFilterState>) => onChange({ ...value, ...patch });
  const textInput = (label: string, key: "value" | "to", type = "text") => (
    <label className="grid gap-1">
      <span className="text-xs text-muted-foreground">{label}</span>
      <Input
        type={type}
        inputMode={type === "number" ? "decimal" : undefined}
        value={value[key]}
        onChange={(event) => set({ [key]: event.target.value })}
        className="h-8"
      />
    </label>
  );
  return (
    <div className="grid grid-cols-2 gap-3 md:grid-cols-3">
      <LabeledSelect
        label={t("customField")}
        value={field ? field.key : NONE}
        onChange={(key) => {
          const picked = fields.find((f) => f.key === key);
          onChange(
            picked
              ? { key, operator: FIELD_OPERATORS[picked.type][0], value: "", to: "" }
              : NO_FIELD,
          );
        }}
        options={[
          { value: NONE, label: t("noCustomField") },
          ...fields.map((f) => ({ value: f.key, label: f.label })),
        ]}
      />
      {field && FIELD_OPERATORS[field.type].length > 1 ? (
        <LabeledSelect
          label={t("operator")}
          value={value.operator}
          onChange={(operator) => set({ operator: operator as FieldOperator })}
          options={FIELD_OPERATORS[field.type].map((operator) => ({
            value: operator,
            label: t(`operators.${operator}`),
          }))}
        />
      ) : null}
      {field?.type === "text" ? textInput(t("value"), "value") : null}
      {field?.type === "number" ? (
        <>
          {textInput(t("from"), "value", "number")}
          {textInput(t("to"), "to", "number")}
        </>
      ) : null}
      {field?.type === "date" ? textInput(t("date"), "value", "date") : null}
      {field?.type === "select" || field?.type === "boolean" ? (
        <LabeledSelect
          label={t("operators.is")}
          value={value.value || NONE}
          onChange={(picked) => set({ value: picked === NONE ? "" : picked })}
          options={[
            { value: NONE, label: t("anyValue") },
            ...(field.type === "select"
              ? field.options.map((option) => ({ value: option, label: option }))
              : [
                  { value: "true", label: tValues("yes") },
                  { value: "false", label: tValues("no") },
                ]),
          ]}
        />
      ) : null}
    </div>
  );
}
