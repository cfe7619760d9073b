"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { SegmentFilters } from "@echo/backend/convex/lib/contacts/segmentFilters";
import { Button } from "@echo/ui/components/button";
import { useConvex } from "convex/react";
import { Download } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { useErrorMessage } from "@/modules/convex/use-error-message";

/** Downloads the contacts the filters (or the open segment) select, as a CSV file. */
export function ExportContactsButton({
  filters,
  name,
}: {
  filters: SegmentFilters;
  /** The open segment's name, for the file's name. */
  name?: string;
}) {
  const t = useTranslations("contactExport");
  const convex = useConvex();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function download() {
    setBusy(true);
    setError(null);
    try {
      const csv = await convex.query(api.private.contactHistory.exportCsv, filters);
      // The byte-order mark makes spreadsheets read the file as UTF-8 (accents, emoji).
      const blob = new Blob(["\uFEFF", csv], { type: "text/csv;charset=utf-8" });
      const url = URL.createObjectURL(blob);
      const link = document.createElement("a");
      link.href = url;
      link.download = `${fileStem(name)}-${new Date().toISOString().slice(0, 10)}.csv`;
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="grid gap-1">
      <Button variant="outline" onClick={download} disabled={busy}>
        <Download aria-hidden />
        {t("button")}
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function fileStem(name?: string) {
  const slug = (name ?? "")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
  return slug ? `contacts-${slug}` : "contacts";
}
