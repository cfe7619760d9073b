"use client";

import { EmptyState } from "@echo/ui/components/empty-state";
import { SkeletonList } from "@echo/ui/components/skeleton";
import type { LucideIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import type { LibraryLabels } from "./organization-library";

/**
 * What a settings library's page takes from its own messages namespace: the heading and action
 * labels, a skeleton while it loads and an empty state with the library's icon.
 */
export function useLibraryShell(namespace: string, icon: LucideIcon) {
  const t = useTranslations(namespace);
  const labels: LibraryLabels = {
    title: t("title"),
    description: t("description"),
    adminsOnly: t("adminsOnly"),
    edit: t("edit"),
    remove: t("remove"),
    cancel: t("cancel"),
    removeConfirm: t("removeConfirm"),
  };
  return {
    labels,
    loading: <SkeletonList label={t("loading")} rows={3} avatar={false} />,
    empty: <EmptyState className="rounded-lg border" icon={icon} title={t("empty")} />,
  };
}
