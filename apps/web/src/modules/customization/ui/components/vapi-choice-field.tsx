"use client";

import { Input } from "@echo/ui/components/input";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@echo/ui/components/select";
import { useTranslations } from "next-intl";
import type { ComponentProps } from "react";

import type { VapiChoice } from "../../hooks/use-vapi-choices";

const NONE = "__none__";

/**
 * An assistant or phone number picked from the lists Vapi returns, with "None" first; without
 * the lists (Vapi not connected) the value is typed in as before.
 */
export function VapiChoiceField({
  id,
  value,
  onChange,
  choices,
  disabled,
  inputProps,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  choices: VapiChoice[] | null;
  disabled?: boolean;
  inputProps?: Omit<ComponentProps<typeof Input>, "id" | "value" | "onChange" | "disabled">;
}) {
  const t = useTranslations("vapiChoices");
  if (!choices) {
    return (
      <Input
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
        {...inputProps}
      />
    );
  }
  // A value saved before (or removed in Vapi since) stays visible and selected.
  const options =
    value && !choices.some((choice) => choice.value === value)
      ? [...choices, { value, label: t("notInVapi", { value }) }]
      : choices;
  return (
    <Select
      value={value || NONE}
      disabled={disabled}
      onValueChange={(next) => onChange(next === NONE ? "" : next)}
    >
      <SelectTrigger id={id} className="w-full">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={NONE}>{t("none")}</SelectItem>
        {options.map((choice) => (
          <SelectItem key={choice.value} value={choice.value}>
            {choice.label}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
