"use client";

import { Label } from "@echo/ui/components/label";
import { Textarea } from "@echo/ui/components/textarea";
import { toast } from "@echo/ui/components/toaster";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { MAX_INSTRUCTIONS } from "../../lib/allowed-domains";
import { type SaveStatus, SettingsFormShell } from "./settings-form-shell";

/** The agent's standing instructions: its tone, and what it must never promise. */
export function AgentInstructionsForm({
  initial,
  canEdit,
  onSave,
}: {
  initial: string;
  canEdit: boolean;
  onSave: (instructions: string) => Promise<SaveStatus>;
}) {
  const t = useTranslations("agentSettings.aiAgent");
  const tToasts = useTranslations("actionToasts");
  const [instructions, setInstructions] = useState(initial);
  const [status, setStatus] = useState<SaveStatus>(null);
  const tooLong = instructions.length > MAX_INSTRUCTIONS;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (tooLong) return;
    const saved = await onSave(instructions.trim());
    setStatus(saved);
    if (saved?.kind === "saved") toast.success(tToasts("settingsSaved", { section: t("title") }));
  }

  return (
    <SettingsFormShell
      title={t("title")}
      description={t("description")}
      canEdit={canEdit}
      canSave={!tooLong}
      status={status}
      onSubmit={submit}
    >
      <div className="grid gap-1.5">
        <Label htmlFor="agent-instructions">{t("instructions")}</Label>
        <Textarea
          id="agent-instructions"
          rows={10}
          value={instructions}
          readOnly={!canEdit}
          placeholder={t("placeholder")}
          aria-describedby="agent-instructions-hint"
          aria-invalid={tooLong}
          onChange={(event) => {
            setInstructions(event.target.value);
            setStatus(null);
          }}
        />
        <p
          id="agent-instructions-hint"
          className={tooLong ? "text-xs text-destructive" : "text-xs text-muted-foreground"}
        >
          {t("hint", { length: instructions.length, max: MAX_INSTRUCTIONS })}
        </p>
      </div>
    </SettingsFormShell>
  );
}
