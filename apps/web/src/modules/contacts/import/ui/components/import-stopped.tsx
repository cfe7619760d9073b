"use client";

import { Button } from "@echo/ui/components/button";
import { useTranslations } from "next-intl";
import { useState } from "react";

export type StoppedImport = {
  error?: string;
  processedRows: number;
  totalRows: number;
};

/** An import a failed batch stopped: why, how far it got, and the admin's retry or discard. */
export function ImportStopped({
  job,
  onRetry,
  onDiscard,
}: {
  job: StoppedImport;
  onRetry: () => Promise<void>;
  onDiscard: () => Promise<void>;
}) {
  const t = useTranslations("contactImportRecovery");
  const [busy, setBusy] = useState<"retry" | "discard" | null>(null);
  const counts = { written: job.processedRows, total: job.totalRows };
  const run = async (which: "retry" | "discard", action: () => Promise<void>) => {
    setBusy(which);
    try {
      await action();
    } finally {
      setBusy(null);
    }
  };
  const reason = t.has(`reasons.${job.error}`) ? t(`reasons.${job.error}`) : t("reasons.generic");
  return (
    <div className="grid gap-3">
      <p role="alert" className="text-sm text-destructive">
        {t("stopped", { ...counts, reason })}
      </p>
      <div className="flex flex-wrap gap-3">
        <Button disabled={busy !== null} onClick={() => run("retry", onRetry)}>
          {busy === "retry" ? t("retrying") : t("retry")}
        </Button>
        <Button
          variant="outline"
          disabled={busy !== null}
          onClick={() => run("discard", onDiscard)}
        >
          {busy === "discard" ? t("discarding") : t("discard")}
        </Button>
      </div>
    </div>
  );
}
