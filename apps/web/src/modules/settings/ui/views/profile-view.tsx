"use client";

import { api } from "@echo/backend/convex/_generated/api";
import { Button } from "@echo/ui/components/button";
import { toast } from "@echo/ui/components/toaster";
import { Input } from "@echo/ui/components/input";
import { Label } from "@echo/ui/components/label";
import { useMutation } from "convex/react";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { usePathname, useRouter } from "@/i18n/navigation";
import { routing } from "@/i18n/routing";
import { authClient } from "@/modules/auth/lib/auth-client";
import { authErrorKey } from "@/modules/auth/lib/auth-error-key";
import { FileChooseButton } from "@/modules/dashboard/ui/components/file-choose-button";

import { avatarDataUrl } from "../../lib/avatar-image";
import { SettingsCard } from "../components/settings-card";

/** Name and avatar (self-hosted provider), and the language of the dashboard and of emails. */
export function ProfileView() {
  const t = useTranslations("settings.profile");
  const tAuth = useTranslations("auth");
  const tToasts = useTranslations("actionToasts");
  const tDashboard = useTranslations("dashboard");
  const { data: session } = authClient.useSession();
  const locale = useLocale();
  const pathname = usePathname();
  const router = useRouter();
  const updatePreferences = useMutation(api.private.notificationPreferences.update);
  const [status, setStatus] = useState<{ error?: string; saved?: boolean }>({});
  const [image, setImage] = useState<string | null | undefined>(undefined);
  const shownImage = image === undefined ? session?.user.image : image;

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name")).trim();
    const { error } = await authClient.updateUser({
      name,
      ...(image !== undefined ? { image } : {}),
    });
    setStatus(error ? { error: tAuth(`errors.${authErrorKey(error)}`) } : { saved: true });
    if (!error) toast.success(tToasts("settingsSaved", { section: t("title") }));
  }

  async function pick(file: File | undefined) {
    if (!file) return;
    setImage(await avatarDataUrl(file));
  }

  return (
    <div className="grid gap-6">
      <SettingsCard title={t("title")} description={t("description")}>
        {session ? (
          <form className="grid gap-4" onSubmit={(event) => void save(event)}>
            <div className="flex items-center gap-4">
              {shownImage ? (
                // eslint-disable-next-line @next/next/no-img-element -- a data URL, nothing to optimize
                <img
                  src={shownImage}
                  alt={t("avatarAlt")}
                  className="size-16 rounded-full border object-cover"
                />
              ) : (
                <span className="grid size-16 place-items-center rounded-full border bg-muted text-xl font-medium">
                  {session.user.name.slice(0, 1).toUpperCase()}
                </span>
              )}
              <div className="grid gap-2">
                <span className="text-sm font-medium">{t("avatar")}</span>
                <FileChooseButton
                  label={t("avatar")}
                  buttonText={shownImage ? t("avatarReplace") : t("avatarChoose")}
                  accept="image/png,image/jpeg,image/webp,image/gif"
                  onChoose={(file) => void pick(file)}
                />
                {shownImage ? (
                  <Button
                    type="button"
                    variant="ghost"
                    size="sm"
                    className="w-fit"
                    onClick={() => setImage(null)}
                  >
                    {t("removeAvatar")}
                  </Button>
                ) : null}
              </div>
            </div>
            <div className="grid gap-2">
              <Label htmlFor="name">{t("name")}</Label>
              <Input
                id="name"
                name="name"
                required
                maxLength={80}
                defaultValue={session.user.name}
              />
            </div>
            <p className="text-sm text-muted-foreground">
              {t("email", { email: session.user.email })}
            </p>
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
        ) : (
          <div className="h-40 animate-pulse rounded-md bg-muted" />
        )}
      </SettingsCard>
      <SettingsCard title={t("languageTitle")} description={t("languageDescription")}>
        <div className="grid gap-2">
          <Label htmlFor="language">{t("language")}</Label>
          <select
            id="language"
            className="w-full max-w-xs rounded-md border bg-background px-2 py-1.5 text-sm"
            value={locale}
            onChange={(event) => {
              const language = event.target.value as (typeof routing.locales)[number];
              void updatePreferences({ language }).then(() =>
                router.replace(pathname, { locale: language }),
              );
            }}
          >
            {routing.locales.map((option) => (
              <option key={option} value={option}>
                {tDashboard(`languages.${option}`)}
              </option>
            ))}
          </select>
        </div>
      </SettingsCard>
    </div>
  );
}
