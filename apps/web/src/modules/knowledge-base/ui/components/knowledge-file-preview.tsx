"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import { Button } from "@echo/ui/components/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogTitle,
  DialogTrigger,
} from "@echo/ui/components/dialog";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { useState } from "react";

/** A button that opens the text extracted from a knowledge file, read only while open. */
export function KnowledgeFilePreview({
  fileId,
  name,
}: {
  fileId: Id<"knowledgeFiles">;
  name: string;
}) {
  const t = useTranslations("knowledgeBase");
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" aria-label={t("previewFile", { name })}>
          {t("preview")}
        </Button>
      </DialogTrigger>
      <DialogContent closeLabel={t("close")} className="max-w-2xl grid-rows-[auto_auto_1fr]">
        <DialogTitle className="truncate">{name}</DialogTitle>
        <DialogDescription>{t("previewDescription")}</DialogDescription>
        {open ? <PreviewText fileId={fileId} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function PreviewText({ fileId }: { fileId: Id<"knowledgeFiles"> }) {
  const t = useTranslations("knowledgeBase");
  const preview = useQuery(api.private.knowledgeFiles.preview, { fileId });
  if (preview === undefined) {
    return (
      <div className="h-40 animate-pulse rounded-md bg-muted" aria-label={t("previewLoading")} />
    );
  }
  if (preview.text === null) {
    return (
      <p className="text-sm text-muted-foreground">
        {preview.status === "failed" && preview.error
          ? t("failedReason", { reason: preview.error })
          : t("previewUnavailable")}
      </p>
    );
  }
  return (
    <div className="grid min-h-0 gap-2">
      <pre
        className="min-h-0 overflow-auto rounded-md border bg-muted/40 p-3 text-xs break-words whitespace-pre-wrap"
        data-testid="knowledge-file-text"
        tabIndex={0}
      >
        {preview.text}
      </pre>
      {preview.truncated ? (
        <p className="text-xs text-muted-foreground">{t("previewTruncated")}</p>
      ) : null}
    </div>
  );
}
