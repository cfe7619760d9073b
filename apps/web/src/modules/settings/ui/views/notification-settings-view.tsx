"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { useMutation, useQuery } from "convex/react";
import { useTranslations } from "next-intl";

import { NotificationPermissionControl } from "@/modules/notifications/ui/components/notification-permission-control";

import { SettingsCard } from "../components/settings-card";

const OPTIONS = [
  "emailOnEscalation",
  "browserOnEscalation",
  "browserOnAssignedMessage",
  "sound",
  "emailOnMention",
] as const;

export function NotificationSettingsView() {
  const t = useTranslations("settings.notifications");
  const preferences = useQuery(api.private.notificationPreferences.get);
  // The box follows the click at once; the server's answer confirms or reverts it.
  const update = useMutation(api.private.notificationPreferences.update).withOptimisticUpdate(
    (store, changes) => {
      const current = store.getQuery(api.private.notificationPreferences.get, {});
      if (current)
        store.setQuery(api.private.notificationPreferences.get, {}, { ...current, ...changes });
    },
  );
  if (!preferences)
    return <div className="h-48 animate-pulse rounded-lg bg-muted" aria-label={t("loading")} />;
  return (
    <SettingsCard title={t("title")} description={t("description")}>
      <NotificationPermissionControl />
      <fieldset className="grid gap-3">
        <legend className="sr-only">{t("title")}</legend>
        {OPTIONS.map((option) => (
          <label key={option} className="flex items-start gap-3 text-sm">
            <input
              type="checkbox"
              name={option}
              className="mt-0.5 size-4 accent-primary"
              checked={preferences[option] ?? false}
              onChange={(event) => void update({ [option]: event.target.checked })}
            />
            <span className="grid gap-0.5">
              <span>{t(`${option}.label`)}</span>
              <span className="text-muted-foreground">{t(`${option}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </SettingsCard>
  );
}
