"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "@echo/ui/components/alert-dialog";
import { Badge } from "@echo/ui/components/badge";
import { Button } from "@echo/ui/components/button";
import { EmptyState } from "@echo/ui/components/empty-state";
import { SkeletonList } from "@echo/ui/components/skeleton";
import { toast } from "@echo/ui/components/toaster";
import { useMutation, usePaginatedQuery } from "convex/react";
import { FileTextIcon } from "lucide-react";
import { useFormatter, useTranslations } from "next-intl";

import { KnowledgeFilePreview } from "./knowledge-file-preview";

const PAGE_SIZE = 25;
const STATUS_VARIANT = {
  processing: "secondary",
  ready: "success",
  failed: "destructive",
} as const;

export function KnowledgeFileList() {
  const t = useTranslations("knowledgeBase");
  const tUrl = useTranslations("knowledgePublicUrl");
  const tToasts = useTranslations("toasts");
  const format = useFormatter();
  const remove = useMutation(api.private.knowledgeFiles.remove);
  const { results, status, loadMore } = usePaginatedQuery(
    api.private.knowledgeFiles.list,
    {},
    { initialNumItems: PAGE_SIZE },
  );

  if (status === "LoadingFirstPage")
    return <SkeletonList label={t("loading")} rows={3} avatar={false} />;
  if (results.length === 0)
    return <EmptyState className="rounded-lg border" icon={FileTextIcon} title={t("empty")} />;
  return (
    <div className="grid gap-2">
      <ul className="divide-y rounded-lg border" aria-label={t("listLabel")}>
        {results.map((file) => (
          <li
            key={file._id}
            className="flex flex-wrap items-center gap-3 p-3 text-sm"
            data-testid="knowledge-file"
          >
            <div className="min-w-0 flex-1">
              <div className="truncate font-medium">{file.name}</div>
              <div className="text-xs text-muted-foreground">
                {file.mimeType} · {format.number(file.size / 1024, { maximumFractionDigits: 1 })} KB
                · {format.dateTime(file._creationTime, { dateStyle: "medium", timeStyle: "short" })}
              </div>
              {file.publicUrl ? (
                <a
                  href={file.publicUrl}
                  target="_blank"
                  rel="noreferrer"
                  className="block truncate text-xs text-primary underline-offset-2 hover:underline"
                  aria-label={tUrl("linkLabel", { name: file.name })}
                >
                  {file.publicUrl}
                </a>
              ) : null}
              {file.status === "failed" && file.error ? (
                <div className="text-xs text-destructive">
                  {t("failedReason", { reason: file.error })}
                </div>
              ) : null}
            </div>
            <Badge variant={STATUS_VARIANT[file.status]} data-testid="knowledge-file-status">
              {t(`status.${file.status}`)}
            </Badge>
            <KnowledgeFilePreview fileId={file._id as Id<"knowledgeFiles">} name={file.name} />
            <AlertDialog>
              <AlertDialogTrigger asChild>
                <Button variant="ghost" size="sm" aria-label={t("deleteFile", { name: file.name })}>
                  {t("delete")}
                </Button>
              </AlertDialogTrigger>
              <AlertDialogContent>
                <AlertDialogTitle>{t("confirmTitle", { name: file.name })}</AlertDialogTitle>
                <AlertDialogDescription>{t("confirmDescription")}</AlertDialogDescription>
                <AlertDialogFooter>
                  <AlertDialogCancel>{t("cancel")}</AlertDialogCancel>
                  <AlertDialogAction
                    onClick={() =>
                      void remove({ fileId: file._id as Id<"knowledgeFiles"> }).then(() =>
                        toast.success(tToasts("fileDeleted", { name: file.name })),
                      )
                    }
                  >
                    {t("delete")}
                  </AlertDialogAction>
                </AlertDialogFooter>
              </AlertDialogContent>
            </AlertDialog>
          </li>
        ))}
      </ul>
      {status === "CanLoadMore" ? (
        <Button
          variant="ghost"
          size="sm"
          className="justify-self-center"
          onClick={() => loadMore(PAGE_SIZE)}
        >
          {t("loadMore")}
        </Button>
      ) : null}
    </div>
  );
}
