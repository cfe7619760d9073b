"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { Button } from "@echo/ui/components/button";
import { toast } from "@echo/ui/components/toaster";
import { Input } from "@echo/ui/components/input";
import { Label } from "@echo/ui/components/label";
import { useQuery } from "convex/react";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { authClient } from "@/modules/auth/lib/auth-client";
import { FileChooseButton } from "@/modules/dashboard/ui/components/file-choose-button";
import { authErrorKey } from "@/modules/auth/lib/auth-error-key";

import { avatarDataUrl } from "../../lib/avatar-image";
import { AttachmentLimitForm } from "../components/attachment-limit-form";
import { SettingsCard } from "../components/settings-card";

/** The organization's name and logo, for admins (self-hosted provider). */
export function OrganizationSettingsView() {
  const t = useTranslations("settings.organization");
  const tAuth = useTranslations("auth");
  const tToasts = useTranslations("actionToasts");
  const current = useQuery(api.private.organization.current);
  const { data: organization } = authClient.useActiveOrganization();
  const [logo, setLogo] = useState<string | null | undefined>(undefined);
  const [status, setStatus] = useState<{ error?: string; saved?: boolean }>({});
  if (!current || !organization)
    return <div className="h-48 animate-pulse rounded-lg bg-muted" aria-label={t("loading")} />;
  if (current.role === "member")
    return (
      <SettingsCard title={t("title")}>
        <p className="text-sm text-muted-foreground">{t("adminsOnly")}</p>
      </SettingsCard>
    );
  const shownLogo = logo === undefined ? organization.logo : logo;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name")).trim();
    const { error } = await authClient.organization.update({
      data: { name, ...(logo !== undefined ? { logo: logo ?? "" } : {}) },
    });
    setStatus(error ? { error: tAuth(`errors.${authErrorKey(error)}`) } : { saved: true });
    if (!error) toast.success(tToasts("settingsSaved", { section: t("title") }));
  }

  return (
    <>
      <SettingsCard title={t("title")} description={t("description")}>
        <form className="grid gap-4" onSubmit={(event) => void save(event)}>
          <div className="grid gap-2">
            <Label htmlFor="name">{t("name")}</Label>
            <Input id="name" name="name" required maxLength={80} defaultValue={organization.name} />
          </div>
          <div className="flex items-center gap-4">
            {shownLogo ? (
              // eslint-disable-next-line @next/next/no-img-element -- a data URL
              <img
                src={shownLogo}
                alt={t("logoAlt")}
                className="size-16 rounded-md border object-cover"
              />
            ) : null}
            <div className="grid gap-2">
              <span className="text-sm font-medium">{t("logo")}</span>
              <FileChooseButton
                label={t("logo")}
                buttonText={shownLogo ? t("logoReplace") : t("logoChoose")}
                accept="image/png,image/jpeg,image/webp,image/gif"
                onChoose={(file) => {
                  if (file) void avatarDataUrl(file).then(setLogo);
                }}
              />
            </div>
          </div>
          {status.error ? (
            <p role="alert" className="text-sm text-destructive">
              {status.error}
            </p>
          ) : null}
          {status.saved ? (
            <p role="status" className="text-sm text-muted-foreground">
              {t("saved")}
            </p>
          ) : null}
          <Button type="submit" className="w-fit">
            {t("save")}
          </Button>
        </form>
      </SettingsCard>
      <AttachmentLimitForm />
    </>
  );
}
