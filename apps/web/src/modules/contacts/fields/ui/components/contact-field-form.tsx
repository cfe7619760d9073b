"use client";

import { Button } from "@echo/ui/components/button";
import { Input } from "@echo/ui/components/input";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";

import { LabeledSelect } from "../../../ui/components/labeled-select";
import { FIELD_TYPES, type FieldDefinition, type FieldType } from "../../lib/field-definition";
import { splitOptions, suggestFieldKey } from "../../lib/field-key";

/**
 * A custom field's label, key, type and options, for adding one (the key follows the label until
 * the admin types their own) or redefining one in place (the key, which values are stored
 * under, stays).
 */
export function ContactFieldForm({
  initial,
  takenKeys = [],
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: FieldDefinition;
  /** Keys of the fields already defined: a new field may not reuse one (that would redefine it). */
  takenKeys?: string[];
  submitLabel: string;
  onSubmit: (field: FieldDefinition) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const t = useTranslations("contactFieldSettings");
  const [label, setLabel] = useState(initial?.label ?? "");
  const [key, setKey] = useState(initial?.key ?? "");
  const [keyEdited, setKeyEdited] = useState(Boolean(initial));
  const [type, setType] = useState<FieldType>(initial?.type ?? "text");
  const [options, setOptions] = useState(initial?.options.join(", ") ?? "");
  const [busy, setBusy] = useState(false);
  const keyHintId = useId();
  const keyTaken = !initial && takenKeys.includes(key.trim());

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const done = await onSubmit({
      key: key.trim(),
      label,
      type,
      options: type === "select" ? splitOptions(options) : [],
    });
    setBusy(false);
    if (done && !initial) {
      setLabel("");
      setKey("");
      setKeyEdited(false);
      setOptions("");
    }
  }

  return (
    <form onSubmit={submit} className="grid gap-3 sm:grid-cols-2">
      <label className="grid content-start gap-1 text-sm">
        <span className="text-xs text-muted-foreground">{t("label")}</span>
        <Input
          value={label}
          maxLength={60}
          required
          placeholder={t("labelHint")}
          onChange={(event) => {
            setLabel(event.target.value);
            if (!keyEdited) setKey(suggestFieldKey(event.target.value));
          }}
        />
      </label>
      <div className="grid content-start gap-1 text-sm">
        <label className="grid gap-1">
          <span className="text-xs text-muted-foreground">{t("key")}</span>
          <Input
            value={key}
            maxLength={40}
            required
            disabled={Boolean(initial)}
            className="font-mono"
            aria-describedby={initial ? undefined : keyHintId}
            onChange={(event) => {
              setKey(event.target.value);
              setKeyEdited(true);
            }}
          />
        </label>
        {keyTaken ? (
          <span id={keyHintId} className="text-xs text-destructive">
            {t("keyTaken")}
          </span>
        ) : initial ? null : (
          <span id={keyHintId} className="text-xs text-muted-foreground">
            {t("keyHint")}
          </span>
        )}
      </div>
      <LabeledSelect
        label={t("type")}
        value={type}
        onChange={(value) => setType(value as FieldType)}
        options={FIELD_TYPES.map((value) => ({ value, label: t(`types.${value}`) }))}
      />
      {type === "select" ? (
        <label className="grid content-start gap-1 text-sm">
          <span className="text-xs text-muted-foreground">{t("options")}</span>
          <Input
            value={options}
            required
            placeholder={t("optionsHint")}
            onChange={(event) => setOptions(event.target.value)}
          />
        </label>
      ) : null}
      <div className="flex gap-2 sm:col-span-2">
        <Button type="submit" size="sm" disabled={busy || !label.trim() || !key.trim() || keyTaken}>
          {submitLabel}
        </Button>
        {onCancel ? (
          <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
            {t("cancel")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
