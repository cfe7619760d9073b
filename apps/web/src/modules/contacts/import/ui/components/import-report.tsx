"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import { useConvex, usePaginatedQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { rejectedRowsCsv, type Rejection } from "../../lib/rejected-rows-csv";
import { useReasonText } from "../../lib/use-reason-text";

const SHOWN = 50;
const DOWNLOAD_PAGE = 1000;

/** The refused rows with their reasons, and all of them as a CSV download. */
export function ImportReport({
  jobId,
  headers,
  fileName,
}: {
  jobId: Id<"contactImports">;
  headers: string[];
  fileName: string;
}) {
  const t = useTranslations("contactImport");
  const reasonText = useReasonText();
  const convex = useConvex();
  const [downloading, setDownloading] = useState(false);
  const { results, status, loadMore } = usePaginatedQuery(
    api.private.contactImport.rejections,
    { jobId },
    { initialNumItems: SHOWN },
  );
  if (status === "LoadingFirstPage") return null;
  if (results.length === 0) return <p className="text-sm">{t("noRejections")}</p>;

  async function download() {
    setDownloading(true);
    try {
      const all: Rejection[] = [];
      let cursor: string | null = null;
      for (;;) {
        const page: { page: Rejection[]; isDone: boolean; continueCursor: string } =
          await convex.query(api.private.contactImport.rejections, {
            jobId,
            paginationOpts: { numItems: DOWNLOAD_PAGE, cursor },
          });
        all.push(...page.page);
        if (page.isDone) break;
        cursor = page.continueCursor;
      }
      const csv = rejectedRowsCsv(
        headers,
        all,
        { row: t("report.line"), reason: t("report.reason") },
        reasonText,
      );
      const link = document.createElement("a");
      link.href = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
      link.download = `${fileName.replace(/\.csv$/i, "")}-${t("report.fileSuffix")}.csv`;
      link.click();
      URL.revokeObjectURL(link.href);
    } finally {
      setDownloading(false);
    }
  }

  return (
    <section className="grid gap-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 className="font-medium">{t("report.title")}</h2>
        <Button variant="outline" disabled={downloading} onClick={download}>
          {t("report.download")}
        </Button>
      </div>
      <ul className="grid gap-2 text-sm">
        {results.map((rejection) => (
          <li key={rejection.row} className="rounded-md border p-3">
            <span className="font-medium">{t("report.lineN", { row: rejection.row })}</span>{" "}
            <span>{reasonText(rejection.reason)}</span>
          </li>
        ))}
      </ul>
      {status === "CanLoadMore" ? (
        <Button variant="ghost" className="justify-self-start" onClick={() => loadMore(SHOWN)}>
          {t("report.more")}
        </Button>
      ) : null}
    </section>
  );
}
