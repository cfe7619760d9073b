"use client";

import { api } from "@echo/backend/convex/_generated/api";
import type { Id } from "@echo/backend/convex/_generated/dataModel";
import type { SegmentFilters } from "@echo/backend/convex/lib/contacts/segmentFilters";
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
import { Button } from "@echo/ui/components/button";
import { cn } from "@echo/ui/lib/utils";
import { useMutation } from "convex/react";
import { PencilIcon, Trash2Icon } from "lucide-react";
import { useTranslations } from "next-intl";

import { SegmentNameDialog } from "./segment-name-dialog";

export type Segment = { _id: Id<"contactSegments">; name: string; filters: SegmentFilters };

/** The saved segments beside the table: every operator opens them; admins rename and delete. */
export function SegmentList({
  segments,
  activeId,
  canManage,
  onOpen,
}: {
  segments: Segment[];
  activeId: Id<"contactSegments"> | null;
  canManage: boolean;
  onOpen: (segment: Segment | null) => void;
}) {
  const t = useTranslations("contactSegments");
  const rename = useMutation(api.private.contactSegments.rename);
  const remove = useMutation(api.private.contactSegments.remove);
  const item = (active: boolean) =>
    cn(
      "min-w-0 flex-1 truncate rounded-md px-2 py-1.5 text-left text-sm hover:bg-muted",
      active && "bg-muted font-medium",
    );
  return (
    <nav aria-label={t("title")} className="grid content-start gap-1">
      <h2 className="px-2 text-xs font-medium text-muted-foreground uppercase">{t("title")}</h2>
      <ul className="flex gap-1 overflow-x-auto md:grid md:overflow-visible">
        <li className="flex shrink-0">
          <button
            type="button"
            className={item(activeId === null)}
            aria-current={activeId === null ? "true" : undefined}
            onClick={() => onOpen(null)}
          >
            {t("all")}
          </button>
        </li>
        {segments.map((segment) => (
          <li key={segment._id} className="group flex shrink-0 items-center gap-0.5">
            <button
              type="button"
              className={item(activeId === segment._id)}
              aria-current={activeId === segment._id ? "true" : undefined}
              onClick={() => onOpen(segment)}
            >
              {segment.name}
            </button>
            {canManage && activeId === segment._id ? (
              <>
                <SegmentNameDialog
                  trigger={
                    <Button
                      variant="ghost"
                      size="icon"
                      aria-label={t("rename", { name: segment.name })}
                    >
                      <PencilIcon aria-hidden className="size-3.5" />
                    </Button>
                  }
                  title={t("renameTitle")}
                  description={t("renameDescription")}
                  submitLabel={t("renameSubmit")}
                  initialName={segment.name}
                  onSubmit={(name) => rename({ segmentId: segment._id, name })}
                />
                <AlertDialog>
                  <AlertDialogTrigger asChild>
                    <Button
                      variant="ghost"
                      size="icon"
                      aria-label={t("delete", { name: segment.name })}
                    >
                      <Trash2Icon aria-hidden className="size-3.5" />
                    </Button>
                  </AlertDialogTrigger>
                  <AlertDialogContent>
                    <AlertDialogTitle>{t("deleteTitle", { name: segment.name })}</AlertDialogTitle>
                    <AlertDialogDescription>{t("deleteDescription")}</AlertDialogDescription>
                    <AlertDialogFooter>
                      <AlertDialogCancel>{t("cancel")}</AlertDialogCancel>
                      <AlertDialogAction
                        onClick={async () => {
                          await remove({ segmentId: segment._id });
                          onOpen(null);
                        }}
                      >
                        {t("confirmDelete")}
                      </AlertDialogAction>
                    </AlertDialogFooter>
                  </AlertDialogContent>
                </AlertDialog>
              </>
            ) : null}
          </li>
        ))}
      </ul>
      {segments.length === 0 ? (
        <p className="px-2 text-xs text-muted-foreground">
          {canManage ? t("emptyAdmin") : t("emptyMember")}
        </p>
      ) : null}
    </nav>
  );
}
