"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { Button } from "@echo/ui/components/button";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";

import { Link } from "@/i18n/navigation";

/** The contacts list's Import button, shown to admins only (members cannot import). */
export function ImportButton() {
  const t = useTranslations("contactImport");
  const organization = useQuery(api.private.organization.current);
  if (organization?.role !== "owner" && organization?.role !== "admin") return null;
  return (
    <Button variant="outline" asChild>
      <Link href="/contacts/import">{t("open")}</Link>
    </Button>
  );
}
