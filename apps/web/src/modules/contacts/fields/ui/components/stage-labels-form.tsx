"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { Button } from "@echo/ui/components/button";
import { Input } from "@echo/ui/components/input";
import { useMutation } from "convex/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

import { STAGES, type Stage } from "../../../lib/contact-form-values";

/**
 * The organization's names for the four lifecycle stages; an empty one reads as the translated
 * default. Members see them without editing.
 */
export function StageLabelsForm({
  stageLabels,
  canEdit,
}: {
  stageLabels: Record<string, string>;
  canEdit: boolean;
}) {
  const t = useTranslations("contactFieldSettings");
  const tStage = useTranslations("contacts.stages");
  const errorMessage = useErrorMessage();
  const setStageLabel = useMutation(api.private.contactFields.setStageLabel);
  const [labels, setLabels] = useState<Record<Stage, string>>(
    () =>
      Object.fromEntries(STAGES.map((stage) => [stage, stageLabels[stage] ?? ""])) as Record<
        Stage,
        string
      >,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      for (const stage of STAGES) {
        if (labels[stage].trim() !== (stageLabels[stage] ?? ""))
          await setStageLabel({ stage, label: labels[stage] });
      }
      setSaved(true);
    } catch (failure) {
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="stage-labels-title" className="grid gap-3">
      <header className="grid gap-1">
        <h2 id="stage-labels-title" className="text-base font-semibold">
          {t("stagesTitle")}
        </h2>
        <p className="text-sm text-muted-foreground">{t("stagesDescription")}</p>
      </header>
      <div className="grid gap-3 sm:grid-cols-2">
        {STAGES.map((stage) => (
          <label key={stage} className="grid gap-1 text-sm">
            <span className="text-xs text-muted-foreground">
              {t("stageDefault", { stage: tStage(stage) })}
            </span>
            <Input
              value={labels[stage]}
              maxLength={40}
              disabled={!canEdit}
              placeholder={tStage(stage)}
              onChange={(event) => setLabels({ ...labels, [stage]: event.target.value })}
            />
          </label>
        ))}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      {saved ? (
        <p role="status" className="text-sm text-muted-foreground">
          {t("stagesSaved")}
        </p>
      ) : null}
      {canEdit ? (
        <Button type="submit" size="sm" disabled={busy} className="justify-self-start">
          {t("stagesSave")}
        </Button>
      ) : null}
    </form>
  );
}
