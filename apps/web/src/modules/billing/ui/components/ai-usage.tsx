"use client";

import { Alert } from "@echo/ui/components/alert";
import { Button } from "@echo/ui/components/button";
import { Input } from "@echo/ui/components/input";
import { Label } from "@echo/ui/components/label";
import { useFormatter, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

export type AiBudget = { agentTurnsPerDay: number; modelTokensPerDay: number };

export type AiUsageToday = {
  day: string;
  agentTurns: number;
  modelTokens: number;
  spent: "agentTurns" | "modelTokens" | null;
  budget: AiBudget;
  custom: boolean;
  defaults: AiBudget;
  max: AiBudget;
};

const FIELDS = [
  { key: "agentTurnsPerDay", used: "agentTurns" },
  { key: "modelTokensPerDay", used: "modelTokens" },
] as const;

/**
 * Today's AI spend against the organization's daily budget; admins change the budget here.
 * `onSave` resolves to an error message, or null once saved.
 */
export function AiUsage({
  usage,
  canEdit,
  onSave,
}: {
  usage: AiUsageToday;
  canEdit: boolean;
  onSave: (budget: AiBudget) => Promise<string | null>;
}) {
  const t = useTranslations("billing.usage");
  const format = useFormatter();
  const [draft, setDraft] = useState(() => ({
    agentTurnsPerDay: String(usage.budget.agentTurnsPerDay),
    modelTokensPerDay: String(usage.budget.modelTokensPerDay),
  }));
  const [status, setStatus] = useState<{ kind: "saved" | "error"; message: string } | null>(null);
  const [pending, setPending] = useState(false);

  const parsed = {
    agentTurnsPerDay: Number(draft.agentTurnsPerDay),
    modelTokensPerDay: Number(draft.modelTokensPerDay),
  };
  const invalid = FIELDS.filter(
    ({ key }) =>
      draft[key].trim() === "" ||
      !Number.isInteger(parsed[key]) ||
      parsed[key] < 0 ||
      parsed[key] > usage.max[key],
  ).map(({ key }) => key);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (invalid.length > 0) return;
    setPending(true);
    const error = await onSave(parsed);
    setPending(false);
    setStatus(error ? { kind: "error", message: error } : { kind: "saved", message: t("saved") });
  }

  return (
    <section className="grid gap-4 rounded-lg border p-4" aria-labelledby="ai-usage-title">
      <div>
        <h2 id="ai-usage-title" className="text-base font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </div>
      <dl className="grid gap-3 sm:grid-cols-2">
        {FIELDS.map(({ key, used }) => (
          <div key={key} className="grid gap-1" data-testid={`ai-usage-${used}`}>
            <dt className="text-sm text-muted-foreground">{t(`${used}.label`)}</dt>
            <dd className="grid gap-1">
              <span className="text-lg font-semibold tabular-nums">
                {t("ofLimit", {
                  used: format.number(usage[used]),
                  limit: format.number(usage.budget[key]),
                })}
              </span>
              <meter
                className="h-2 w-full"
                min={0}
                max={Math.max(usage.budget[key], 1)}
                value={Math.min(usage[used], usage.budget[key])}
                aria-label={t(`${used}.label`)}
              />
            </dd>
          </div>
        ))}
      </dl>
      {usage.spent ? (
        <Alert variant="destructive" role="status" data-testid="ai-usage-spent">
          {t("spent", { limit: t(`${usage.spent}.label`) })}
        </Alert>
      ) : null}
      {canEdit ? (
        <form className="grid gap-3" onSubmit={save} noValidate>
          <div className="grid gap-3 sm:grid-cols-2">
            {FIELDS.map(({ key }) => (
              <div key={key} className="grid gap-1">
                <Label htmlFor={`budget-${key}`}>{t(`${key}.label`)}</Label>
                <Input
                  id={`budget-${key}`}
                  inputMode="numeric"
                  value={draft[key]}
                  aria-invalid={invalid.includes(key)}
                  aria-describedby={`budget-${key}-hint`}
                  onChange={(event) => {
                    setDraft((current) => ({ ...current, [key]: event.target.value }));
                    setStatus(null);
                  }}
                />
                <p id={`budget-${key}-hint`} className="text-xs text-muted-foreground">
                  {invalid.includes(key)
                    ? t("invalid", { max: format.number(usage.max[key]) })
                    : t("default", { value: format.number(usage.defaults[key]) })}
                </p>
              </div>
            ))}
          </div>
          <div className="flex items-center gap-3">
            <Button type="submit" disabled={pending || invalid.length > 0}>
              {t("save")}
            </Button>
            {status ? (
              <p
                role={status.kind === "error" ? "alert" : "status"}
                className={status.kind === "error" ? "text-sm text-destructive" : "text-sm"}
              >
                {status.message}
              </p>
            ) : null}
          </div>
        </form>
      ) : (
        <p className="text-sm text-muted-foreground">{t("adminsOnly")}</p>
      )}
    </section>
  );
}
