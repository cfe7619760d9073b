"use client";

import { Button } from "@echo/ui/components/button";
import { Input } from "@echo/ui/components/input";
import { cn } from "@echo/ui/lib/utils";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";

import { TAG_COLOR_CLASSES, TAG_COLORS, type TagColor } from "../../lib/tag-colors";

/** A tag's name and color, for adding one or editing one in place. */
export function TagForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  initial?: { name: string; color: TagColor };
  submitLabel: string;
  onSubmit: (tag: { name: string; color: TagColor }) => Promise<boolean>;
  onCancel?: () => void;
}) {
  const t = useTranslations("tagSettings");
  const [name, setName] = useState(initial?.name ?? "");
  const [color, setColor] = useState<TagColor>(initial?.color ?? "blue");
  const [busy, setBusy] = useState(false);
  const nameId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const done = await onSubmit({ name, color });
    setBusy(false);
    if (done && !initial) setName("");
  }

  return (
    <form onSubmit={submit} className="flex flex-wrap items-center gap-2">
      <label htmlFor={nameId} className="sr-only">
        {t("name")}
      </label>
      <Input
        id={nameId}
        value={name}
        onChange={(event) => setName(event.target.value)}
        placeholder={t("name")}
        maxLength={40}
        required
        className="w-48"
      />
      <div role="radiogroup" aria-label={t("color")} className="flex flex-wrap gap-1">
        {TAG_COLORS.map((option) => (
          <button
            key={option}
            type="button"
            role="radio"
            aria-checked={color === option}
            aria-label={t(`colors.${option}`)}
            title={t(`colors.${option}`)}
            onClick={() => setColor(option)}
            className={cn(
              "size-6 rounded-full border",
              TAG_COLOR_CLASSES[option],
              color === option && "ring-2 ring-ring ring-offset-2 ring-offset-background",
            )}
          />
        ))}
      </div>
      <Button type="submit" size="sm" disabled={busy || !name.trim()}>
        {submitLabel}
      </Button>
      {onCancel ? (
        <Button type="button" variant="ghost" size="sm" onClick={onCancel}>
          {t("cancel")}
        </Button>
      ) : null}
    </form>
  );
}
