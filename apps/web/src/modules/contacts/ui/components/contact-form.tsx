"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { errorCodeOf, errorExpectationOf, errorFieldOf } from "@echo/backend/convex/lib/errors";
import { Button } from "@echo/ui/components/button";
import { Input } from "@echo/ui/components/input";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

import { useStageLabel } from "../../hooks/use-stage-label";
import {
  NO_STAGE,
  STAGES,
  toContactInput,
  type ContactFormValues,
} from "../../lib/contact-form-values";
import { customFieldChanges } from "../../lib/custom-field-values";
import { CustomFieldInput } from "./custom-field-input";
import { LabeledSelect } from "./labeled-select";

const TEXT_FIELDS = ["name", "emails", "phones", "company", "tags"] as const;

export type ContactFormInput = ReturnType<typeof toContactInput> &
  ReturnType<typeof customFieldChanges>;

/**
 * Creates or edits a contact, with an input per custom field the organization defined; the
 * backend's refusal (a bad phone, a taken email) shows inline, and a refused custom field value
 * under its field.
 */
export function ContactForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial: ContactFormValues;
  submitLabel: string;
  onSubmit: (input: ContactFormInput) => Promise<unknown>;
}) {
  const t = useTranslations("contacts.form");
  const stageLabel = useStageLabel();
  const errorMessage = useErrorMessage();
  const refusal = useTranslations("contactFieldRefusals");
  const [values, setValues] = useState(initial);
  const definitions = useQuery(api.private.contactFields.list, {})?.fields ?? [];
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ key: string; message: string } | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    setFieldError(null);
    try {
      await onSubmit({
        ...toContactInput(values),
        ...customFieldChanges(definitions, initial.customFields, values.customFields),
      });
    } catch (caught) {
      const field = errorFieldOf(caught);
      const definition = definitions.find((d) => d.key === field);
      const expected = errorExpectationOf(caught);
      if (errorCodeOf(caught) === "INVALID_FIELD_VALUE" && definition)
        setFieldError({
          key: definition.key,
          message: expected
            ? refusal(expected, { field: definition.label, options: definition.options.join(", ") })
            : errorMessage(caught),
        });
      else setError(errorMessage(caught));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={submit} className="grid gap-3">
      {TEXT_FIELDS.map((field) => (
        <label key={field} className="grid gap-1 text-sm">
          <span className="text-muted-foreground">{t(field)}</span>
          <Input
            name={field}
            required={field === "name"}
            value={values[field]}
            placeholder={t(`${field}Hint`)}
            onChange={(event) => setValues({ ...values, [field]: event.target.value })}
          />
        </label>
      ))}
      <LabeledSelect
        label={t("stage")}
        value={values.stage}
        onChange={(stage) => setValues({ ...values, stage })}
        options={[
          { value: NO_STAGE, label: t("noStage") },
          ...STAGES.map((stage) => ({ value: stage, label: stageLabel(stage) })),
        ]}
      />
      {definitions.map((field) => (
        <CustomFieldInput
          key={field.key}
          field={field}
          value={values.customFields[field.key] ?? ""}
          error={fieldError?.key === field.key ? fieldError.message : undefined}
          onChange={(text) =>
            setValues({ ...values, customFields: { ...values.customFields, [field.key]: text } })
          }
        />
      ))}
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={saving} className="justify-self-start">
        {submitLabel}
      </Button>
    </form>
  );
}
