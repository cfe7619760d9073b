"use client";

import { Label } from "@echo/ui/components/label";
import { Textarea } from "@echo/ui/components/textarea";
import { toast } from "@echo/ui/components/toaster";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { domainsProblem, MAX_DOMAINS, parseDomains } from "../../lib/allowed-domains";
import { type SaveStatus, SettingsFormShell } from "./settings-form-shell";

/** The sites allowed to embed the widget; none means any site may. */
export function AllowedDomainsForm({
  initial,
  canEdit,
  onSave,
}: {
  initial: readonly string[];
  canEdit: boolean;
  onSave: (domains: string[]) => Promise<SaveStatus>;
}) {
  const t = useTranslations("agentSettings.widgetSecurity");
  const tToasts = useTranslations("actionToasts");
  const [text, setText] = useState(initial.join("\n"));
  const [status, setStatus] = useState<SaveStatus>(null);
  const domains = parseDomains(text);
  const problem = domainsProblem(domains);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (problem) return;
    const saved = await onSave(domains);
    setStatus(saved);
    if (saved?.kind === "saved") toast.success(tToasts("settingsSaved", { section: t("title") }));
  }

  return (
    <SettingsFormShell
      title={t("title")}
      description={t("description")}
      canEdit={canEdit}
      canSave={!problem}
      status={status}
      onSubmit={submit}
    >
      <div className="grid gap-1.5">
        <Label htmlFor="allowed-domains">{t("domains")}</Label>
        <Textarea
          id="allowed-domains"
          rows={6}
          value={text}
          readOnly={!canEdit}
          placeholder={"example.com\n*.example.com"}
          aria-describedby="allowed-domains-hint"
          aria-invalid={Boolean(problem)}
          onChange={(event) => {
            setText(event.target.value);
            setStatus(null);
          }}
        />
        <p id="allowed-domains-hint" className="text-xs text-muted-foreground">
          {t("hint", { max: MAX_DOMAINS })}
        </p>
        {problem ? (
          <p className="text-xs text-destructive">
            {problem.kind === "invalid"
              ? t("invalid", { domains: problem.domains.join(", ") })
              : t("tooMany", { max: MAX_DOMAINS })}
          </p>
        ) : null}
        <p className="text-sm">
          {domains.length === 0 ? t("anySite") : t("onlyThese", { count: domains.length })}
        </p>
      </div>
    </SettingsFormShell>
  );
}
