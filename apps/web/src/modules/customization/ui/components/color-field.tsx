"use client";

import { Input } from "@echo/ui/components/input";
import { Label } from "@echo/ui/components/label";
import { useTranslations } from "next-intl";

const HEX_COLOR = /^#[0-9a-f]{6}$/i;

/** A color as a picker and, beside it, its hex code to type or paste; both edit the same value. */
export function ColorField({
  id,
  label,
  value,
  problem,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  problem?: string;
  onChange: (value: string) => void;
}) {
  const t = useTranslations("customization");
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <div className="flex gap-2">
        <Input
          id={id}
          type="color"
          className="h-9 w-12 shrink-0 p-1"
          // The picker only takes a complete #rrggbb; a half-typed code keeps its last color.
          value={HEX_COLOR.test(value) ? value.toLowerCase() : "#000000"}
          onChange={(event) => onChange(event.target.value)}
        />
        <Input
          aria-label={t("hexOf", { color: label })}
          aria-invalid={Boolean(problem)}
          aria-describedby={problem ? `${id}-problem` : undefined}
          className="min-w-0 font-mono uppercase"
          maxLength={7}
          spellCheck={false}
          value={value}
          onChange={(event) => {
            const typed = event.target.value.trim();
            onChange(typed.startsWith("#") || typed === "" ? typed : `#${typed}`);
          }}
        />
      </div>
      {problem ? (
        <p id={`${id}-problem`} className="text-xs text-destructive">
          {problem}
        </p>
      ) : null}
    </div>
  );
}
