"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import { Input } from "@echo/ui/components/input";
import { Label } from "@echo/ui/components/label";
import {
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from "@echo/ui/components/select";
import { useAction, useMutation } from "convex/react";
import type { FunctionReturnType } from "convex/server";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

import { fillTemplate } from "../../lib/fill-template";

type Template = FunctionReturnType<typeof api.private.whatsappTemplates.list>[number];

const keyOf = (template: Template) => `${template.name}:${template.language}`;

/**
 * Past WhatsApp's 24-hour window only an approved template reaches the customer: the operator
 * loads the number's approved templates, picks one, fills its body's values and sends it.
 */
export function WhatsAppTemplatePicker({
  conversationId,
  disabled,
}: {
  conversationId: Id<"conversations">;
  disabled: boolean;
}) {
  const t = useTranslations("whatsappTemplates");
  const errorMessage = useErrorMessage();
  const list = useAction(api.private.whatsappTemplates.list);
  const reply = useMutation(api.private.messages.reply);
  const [templates, setTemplates] = useState<Template[] | null>(null);
  const [chosen, setChosen] = useState<string>("");
  const [values, setValues] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const template = templates?.find((item) => keyOf(item) === chosen) ?? null;

  async function load() {
    setBusy(true);
    setError(null);
    try {
      const found = await list({});
      setTemplates(found);
      if (found[0]) pick(found[0]);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  function pick(next: Template) {
    setChosen(keyOf(next));
    setValues(Array.from({ length: next.parameterCount }, () => ""));
  }

  async function send() {
    if (!template) return;
    setBusy(true);
    setError(null);
    try {
      await reply({
        conversationId,
        text: fillTemplate(template.body, values) || template.name,
        template: {
          name: template.name,
          language: template.language,
          parameters: values.map((value) => value.trim()),
        },
      });
      setValues(values.map(() => ""));
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section
      aria-label={t("title")}
      data-testid="whatsapp-window-closed"
      className="grid gap-2 border-t bg-muted/40 p-3 text-sm"
    >
      <p className="font-medium">{t("closed")}</p>
      <p className="text-muted-foreground">{t("explain")}</p>
      {error ? (
        <p role="alert" className="text-destructive">
          {error}
        </p>
      ) : null}
      {templates === null ? (
        <Button
          size="sm"
          variant="outline"
          className="w-fit"
          disabled={disabled || busy}
          onClick={() => void load()}
        >
          {busy ? t("loading") : t("choose")}
        </Button>
      ) : templates.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="grid gap-2">
          <Select
            value={chosen}
            onValueChange={(key) => {
              const next = templates.find((item) => keyOf(item) === key);
              if (next) pick(next);
            }}
          >
            <SelectTrigger
              aria-label={t("template")}
              className="w-full"
              data-testid="template-select"
            >
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {templates.map((item) => (
                <SelectItem key={keyOf(item)} value={keyOf(item)}>
                  {t("option", { name: item.name, language: item.language })}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
          {template ? (
            <>
              <p
                data-testid="template-preview"
                className="whitespace-pre-wrap rounded-md border bg-background p-2"
              >
                {fillTemplate(template.body, values)}
              </p>
              {values.map((value, index) => (
                <div key={index} className="grid gap-1">
                  <Label htmlFor={`template-value-${index + 1}`}>
                    {t("value", { number: index + 1 })}
                  </Label>
                  <Input
                    id={`template-value-${index + 1}`}
                    value={value}
                    onChange={(event) =>
                      setValues(values.map((old, i) => (i === index ? event.target.value : old)))
                    }
                  />
                </div>
              ))}
              <Button
                size="sm"
                className="w-fit"
                disabled={disabled || busy || values.some((value) => !value.trim())}
                onClick={() => void send()}
              >
                {busy ? t("sending") : t("send")}
              </Button>
            </>
          ) : null}
        </div>
      )}
    </section>
  );
}
