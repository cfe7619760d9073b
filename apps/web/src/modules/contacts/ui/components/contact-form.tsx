"use client";

import { Button } from "@echo/ui/components/button";
import { Input } from "@echo/ui/components/input";
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
import { LabeledSelect } from "./labeled-select";

const TEXT_FIELDS = ["name", "emails", "phones", "company", "tags"] as const;

/** Creates or edits a contact; the backend's refusal (a bad phone, a taken email) shows inline. */
export function ContactForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial: ContactFormValues;
  submitLabel: string;
  onSubmit: (input: ReturnType<typeof toContactInput>) => Promise<unknown>;
}) {
  const t = useTranslations("contacts.form");
  const stageLabel = useStageLabel();
  const errorMessage = useErrorMessage();
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await onSubmit(toContactInput(values));
    } catch (caught) {
      setError(errorMessage(caught));
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
