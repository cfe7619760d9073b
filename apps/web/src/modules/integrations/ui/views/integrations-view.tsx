"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { cn } from "@echo/ui/lib/utils";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { CopyButton } from "@/modules/dashboard/ui/components/copy-button";

import { embedSnippet, SNIPPET_KINDS, type SnippetKind } from "../../lib/embed-snippets";
import { type DeploymentUrlList, DeploymentUrls } from "../components/deployment-urls";
import { IdentityVerificationCard } from "../components/identity-verification-card";
import { WhatsAppCard } from "../components/whatsapp-card";
import { WidgetSightings } from "../components/widget-sightings";

export function IntegrationsView({ urls }: { urls: DeploymentUrlList }) {
  const scriptUrl = urls.embedScript.value;
  const widgetUrl = urls.widget.value;
  const t = useTranslations("integrations");
  const tToasts = useTranslations("actionToasts");
  const organization = useQuery(api.private.organization.current);
  const [kind, setKind] = useState<SnippetKind>("html");

  const snippet = organization
    ? embedSnippet(kind, { organizationId: organization.organizationId, scriptUrl, widgetUrl })
    : "";

  return (
    <section className="mx-auto grid max-w-3xl gap-4 p-6">
      <div>
        <h1 className="text-xl font-semibold">{t("title")}</h1>
        <p className="text-sm text-muted-foreground">{t("description")}</p>
      </div>
      <div role="tablist" aria-label={t("kinds")} className="flex flex-wrap gap-1">
        {SNIPPET_KINDS.map((option) => (
          <button
            key={option}
            type="button"
            role="tab"
            aria-selected={kind === option}
            onClick={() => setKind(option)}
            className={cn(
              "rounded-md border px-3 py-1 text-sm",
              kind === option
                ? "border-primary bg-primary text-primary-foreground"
                : "hover:bg-accent",
            )}
          >
            {t(`kind.${option}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" className="grid gap-2">
        {organization === undefined ? (
          <div className="h-32 animate-pulse rounded-md bg-muted" aria-label={t("loading")} />
        ) : (
          <pre
            className="overflow-x-auto rounded-md border bg-muted p-4 text-xs"
            data-testid="embed-snippet"
          >
            <code>{snippet}</code>
          </pre>
        )}
        <CopyButton
          size="sm"
          className="w-fit"
          text={snippet}
          label={t("copy")}
          copiedLabel={t("copied")}
          copiedToast={tToasts("copied", {
            what: tToasts("embedCode", { kind: t(`kind.${kind}`) }),
          })}
          disabled={!snippet}
        />
        <p className="text-xs text-muted-foreground">{t("csp")}</p>
      </div>
      <WidgetSightings />
      <DeploymentUrls urls={urls} />
      {organization && organization.role !== "member" ? <IdentityVerificationCard /> : null}
      {organization && organization.role !== "member" ? <WhatsAppCard /> : null}
    </section>
  );
}
