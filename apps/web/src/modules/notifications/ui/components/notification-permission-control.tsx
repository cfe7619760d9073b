"use client";

import { Button } from "@echo/ui/components/button";
import { BellIcon, BellOffIcon } from "lucide-react";
import { useTranslations } from "next-intl";

import { useNotificationPermission } from "../../hooks/use-notification-permission";

/** Asks for the browser's permission only when clicked; says so when it was refused. */
export function NotificationPermissionControl() {
  const t = useTranslations("notifications");
  const { permission, request } = useNotificationPermission();
  if (permission === "granted" || permission === "unsupported") return null;
  if (permission === "denied")
    return (
      <p className="flex items-center gap-2 text-xs text-muted-foreground">
        <BellOffIcon aria-hidden className="size-4 shrink-0" />
        {t("blocked")}
      </p>
    );
  return (
    <Button variant="outline" size="sm" className="justify-start" onClick={() => void request()}>
      <BellIcon aria-hidden />
      {t("enable")}
    </Button>
  );
}
