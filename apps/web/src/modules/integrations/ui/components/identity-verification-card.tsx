"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { Button } from "@echo/ui/components/button";
import { useAction, useQuery } from "convex/react";
import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

/**
 * The secret a site signs its logged-in visitors' user ids with (admins only): shown once when
 * issued; issuing a new one invalidates the old signatures.
 */
export function IdentityVerificationCard() {
  const t = useTranslations("identityVerification");
  const format = useFormatter();
  const status = useQuery(api.private.identityVerification.status, {});
  const rotate = useAction(api.private.identityVerification.rotateSecret);
  const errorMessage = useErrorMessage();
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const issue = async () => {
    setBusy(true);
    setError(null);
    try {
      setSecret((await rotate({})).secret);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="identity-verification" className="grid gap-2 rounded-md border p-4">
      <h2 id="identity-verification" className="font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-muted-foreground">{t("description")}</p>
      <pre className="whitespace-pre-wrap break-all rounded-md bg-muted p-3 text-xs">
        <code>{t("attributes")}</code>
      </pre>
      <p className="text-sm">
        {status?.rotatedAt
          ? t("configured", { date: format.dateTime(status.rotatedAt, { dateStyle: "medium" }) })
          : t("notConfigured")}
      </p>
      {secret ? (
        <div className="grid gap-1">
          <p className="text-sm font-medium">{t("shownOnce")}</p>
          <code
            data-testid="identity-secret"
            className="rounded-md border bg-muted p-2 text-xs [overflow-wrap:anywhere]"
          >
            {secret}
          </code>
        </div>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
      <Button size="sm" variant="outline" className="w-fit" onClick={issue} disabled={busy}>
        {status?.configured ? t("rotate") : t("generate")}
      </Button>
    </section>
  );
}
