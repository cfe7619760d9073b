"use client";

import { Button } from "@echo/ui/components/button";
import { Input } from "@echo/ui/components/input";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@echo/ui/components/select";
import { Textarea } from "@echo/ui/components/textarea";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";

export type CannedLanguage = "en" | "pt-BR";
export type CannedFields = {
  title: string;
  shortcut: string;
  body: string;
  language: CannedLanguage;
};

const LANGUAGES: CannedLanguage[] = ["en", "pt-BR"];

/** A canned response's title, `/shortcut`, language and text, for adding one or editing one. */
export function CannedResponseForm({
  initial,
  defaultLanguage,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: CannedFields;
  defaultLanguage: CannedLanguage;
  submitLabel: string;
  onSubmit: (fields: CannedFields) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const t = useTranslations("cannedResponses");
  const empty = { title: "", shortcut: "", body: "", language: defaultLanguage };
  const [fields, setFields] = useState<CannedFields>(initial ?? empty);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const set = (change: Partial<CannedFields>) =>
    setFields((current) => ({ ...current, ...change }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const done = await onSubmit(fields);
    setBusy(false);
    if (done && !initial) setFields({ ...empty, language: fields.language });
  }

  return (
    <form onSubmit={submit} className="grid w-full gap-3">
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_12rem]">
        <label className="grid gap-1 text-sm" htmlFor={`${id}-title`}>
          {t("fields.title")}
          <Input
            id={`${id}-title`}
            value={fields.title}
            onChange={(event) => set({ title: event.target.value })}
            maxLength={80}
            required
          />
        </label>
        <label className="grid gap-1 text-sm" htmlFor={`${id}-shortcut`}>
          {t("fields.shortcut")}
          <Input
            id={`${id}-shortcut`}
            value={fields.shortcut}
            onChange={(event) => set({ shortcut: event.target.value })}
            placeholder="/refund"
            maxLength={33}
            required
          />
        </label>
        <div className="grid gap-1 text-sm">
          <span id={`${id}-language`}>{t("fields.language")}</span>
          <Select
            value={fields.language}
            onValueChange={(value) => set({ language: value as CannedLanguage })}
          >
            <SelectTrigger aria-labelledby={`${id}-language`} className="w-full">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {LANGUAGES.map((language) => (
                <SelectItem key={language} value={language}>
                  {t(`languages.${language}`)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
      </div>
      <label className="grid gap-1 text-sm" htmlFor={`${id}-body`}>
        {t("fields.body")}
        <Textarea
          id={`${id}-body`}
          value={fields.body}
          onChange={(event) => set({ body: event.target.value })}
          placeholder="Hi {{contact.name}}, …"
          maxLength={4000}
          rows={3}
          required
        />
      </label>
      <div className="flex gap-2">
        <Button
          type="submit"
          size="sm"
          disabled={busy || !fields.title.trim() || !fields.shortcut.trim() || !fields.body.trim()}
        >
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
