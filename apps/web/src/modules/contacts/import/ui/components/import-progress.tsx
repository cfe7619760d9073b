"use client";

import { useTranslations } from "next-intl";

export type ImportCounts = {
  status: "mapping" | "parsing" | "importing" | "done" | "failed";
  totalRows: number;
  processedRows: number;
  imported: number;
  updated: number;
  skipped: number;
  rejected: number;
};

/** A live bar from the job document, and the counts so far. */
export function ImportProgress({ job }: { job: ImportCounts }) {
  const t = useTranslations("contactImport");
  const percent =
    job.status === "done"
      ? 100
      : job.totalRows > 0
        ? Math.floor((job.processedRows / job.totalRows) * 100)
        : 0;
  const counts = [
    ["imported", job.imported],
    ["updated", job.updated],
    ["skipped", job.skipped],
    ["rejected", job.rejected],
  ] as const;
  return (
    <div className="grid gap-4">
      <div className="grid gap-2">
        <div className="flex justify-between text-sm">
          <span>{job.status === "parsing" ? t("reading") : t(`statuses.${job.status}`)}</span>
          <span>{t("rowsProgress", { processed: job.processedRows, total: job.totalRows })}</span>
        </div>
        <div
          role="progressbar"
          aria-label={t("progressLabel")}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-3 overflow-hidden rounded-full bg-muted"
        >
          <div className="h-full bg-primary transition-all" style={{ width: `${percent}%` }} />
        </div>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {counts.map(([key, value]) => (
          <div key={key} className="rounded-md border p-3">
            <dt className="text-xs text-muted-foreground">{t(`counts.${key}`)}</dt>
            <dd className="text-lg font-semibold" data-count={key}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
