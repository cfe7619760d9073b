"use client";

import { Input } from "@echo/ui/components/input";
import { useTranslations } from "next-intl";
import { useId } from "react";

import type { FieldDefinition } from "../../fields/lib/field-definition";
import { LabeledSelect } from "./labeled-select";

const NONE = "__none";

/**
 * One custom field in the contact form, with the input its type calls for; `error` is the
 * backend's refusal of this field's value, shown under it.
 */
export function CustomFieldInput({
  field,
  value,
  error,
  onChange,
}: {
  field: FieldDefinition;
  value: string;
  error?: string;
  onChange: (value: string) => void;
}) {
  const t = useTranslations("contactFieldValues");
  const tInput = useTranslations("contactFieldInput");
  const errorId = useId();
  const choice = (options: Array<{ value: string; label: string }>) => (
    <LabeledSelect
      label={field.label}
      value={value || NONE}
      onChange={(picked) => onChange(picked === NONE ? "" : picked)}
      options={[{ value: NONE, label: tInput("none") }, ...options]}
    />
  );
  return (
    <div className="grid gap-1">
      {field.type === "select" ? (
        choice(field.options.map((option) => ({ value: option, label: option })))
      ) : field.type === "boolean" ? (
        choice([
          { value: "yes", label: t("yes") },
          { value: "no", label: t("no") },
        ])
      ) : (
        <label className="grid gap-1 text-sm">
          <span className="text-muted-foreground">{field.label}</span>
          <Input
            name={`custom.${field.key}`}
            type={field.type === "date" ? "date" : "text"}
            inputMode={field.type === "number" ? "decimal" : undefined}
            value={value}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
        </label>
      )}
      {error ? (
        <p id={errorId} role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
