"use client";

import { Button } from "@echo/ui/components/button";
import { toast } from "@echo/ui/components/toaster";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { authClient } from "@/modules/auth/lib/auth-client";
import { authErrorKey } from "@/modules/auth/lib/auth-error-key";
import { FormField } from "@/modules/auth/ui/components/form-field";

import { SettingsCard } from "./settings-card";

export function PasswordChange() {
  const t = useTranslations("settings.security");
  const tAuth = useTranslations("auth");
  const tToasts = useTranslations("actionToasts");
  const [status, setStatus] = useState<{ error?: string; saved?: boolean }>({});
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    setPending(true);
    const { error } = await authClient.changePassword({
      currentPassword: String(form.get("currentPassword")),
      newPassword: String(form.get("newPassword")),
      revokeOtherSessions: form.get("revokeOtherSessions") === "on",
    });
    setPending(false);
    setStatus(error ? { error: tAuth(`errors.${authErrorKey(error)}`) } : { saved: true });
    if (!error) {
      toast.success(tToasts("passwordChanged"));
      formElement.reset();
    }
  }

  return (
    <SettingsCard title={t("passwordTitle")} description={t("passwordDescription")}>
      <form className="grid gap-4" onSubmit={(event) => void submit(event)}>
        <FormField
          id="currentPassword"
          type="password"
          label={t("currentPassword")}
          autoComplete="current-password"
          required
        />
        <FormField
          id="newPassword"
          type="password"
          label={tAuth("fields.newPassword")}
          autoComplete="new-password"
          minLength={8}
          required
        />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="revokeOtherSessions" defaultChecked className="size-4" />
          {t("revokeOtherSessions")}
        </label>
        {status.error ? (
          <p role="alert" className="text-sm text-destructive">
            {status.error}
          </p>
        ) : null}
        {status.saved ? (
          <p role="status" className="text-sm text-muted-foreground">
            {t("passwordSaved")}
          </p>
        ) : null}
        <Button type="submit" className="w-fit" disabled={pending}>
          {t("changePassword")}
        </Button>
      </form>
    </SettingsCard>
  );
}
