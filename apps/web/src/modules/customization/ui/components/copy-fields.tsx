"use client";

import { Button } from "@echo/ui/components/button";
import { Input } from "@echo/ui/components/input";
import { Textarea } from "@echo/ui/components/textarea";
import { useTranslations } from "next-intl";

import {
  LANGUAGES,
  type Language,
  type SettingsProblem,
  type WidgetSettingsForm,
} from "../../lib/widget-settings-form";
import { Field } from "./field";

/**
 * The greeting and suggested questions, one language at a time: a visitor's widget shows the
 * ones in its own language.
 */
export function CopyFields({
  form,
  language,
  onLanguage,
  problems,
  update,
}: {
  form: WidgetSettingsForm;
  language: Language;
  onLanguage: (language: Language) => void;
  problems: Record<string, SettingsProblem>;
  update: (change: (draft: WidgetSettingsForm) => void) => void;
}) {
  const t = useTranslations("customization");
  const tCopy = useTranslations("widgetCopy");
  const path = `copy.${language}`;
  const problem = (key: string) =>
    problems[`${path}.${key}`] ? t(`problems.${problems[`${path}.${key}`]}`) : undefined;
  const copy = form.copy[language];
  const isDefault = language === form.defaultLanguage;
  return (
    <fieldset className="grid gap-4 rounded-lg border p-4">
      <legend className="px-1 text-sm font-medium">{tCopy("legend")}</legend>
      <div role="group" aria-label={tCopy("language")} className="flex flex-wrap gap-2">
        {LANGUAGES.map((option) => {
          const invalid = Object.keys(problems).some((key) => key.startsWith(`copy.${option}.`));
          return (
            <Button
              key={option}
              type="button"
              size="sm"
              variant={option === language ? "default" : "outline"}
              aria-pressed={option === language}
              className={invalid && option !== language ? "text-destructive" : undefined}
              onClick={() => onLanguage(option)}
            >
              {tCopy(`languages.${option}`)}
              {option === form.defaultLanguage ? ` · ${tCopy("default")}` : ""}
            </Button>
          );
        })}
      </div>
      {!isDefault ? (
        <p className="text-xs text-muted-foreground">
          {tCopy("fallbackHint", { language: tCopy(`languages.${language}`) })}
        </p>
      ) : null}
      <Field
        id="greeting"
        label={tCopy("greeting", { language: tCopy(`languages.${language}`) })}
        problem={problem("greeting")}
      >
        <Textarea
          id="greeting"
          lang={language}
          value={copy.greeting}
          aria-invalid={Boolean(problems[`${path}.greeting`])}
          onChange={(event) =>
            update((draft) => void (draft.copy[language].greeting = event.target.value))
          }
        />
      </Field>
      <div className="grid gap-2">
        <p className="text-sm font-medium">{t("suggestions")}</p>
        {copy.suggestions.map((suggestion, index) => (
          <Field
            key={index}
            id={`suggestion-${index}`}
            label={t("suggestion", { number: index + 1 })}
            problem={problem(`suggestions.${index}`)}
          >
            <Input
              id={`suggestion-${index}`}
              lang={language}
              value={suggestion}
              onChange={(event) =>
                update(
                  (draft) => void (draft.copy[language].suggestions[index] = event.target.value),
                )
              }
            />
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
