"use client";

import { Button } from "@echo/ui/components/button";
import { useTranslations } from "next-intl";
import QRCode from "qrcode";
import { type FormEvent, useState } from "react";

import { authClient } from "@/modules/auth/lib/auth-client";
import { authErrorKey } from "@/modules/auth/lib/auth-error-key";
import { FormField } from "@/modules/auth/ui/components/form-field";

import { SettingsCard } from "./settings-card";

type Enrolment = { totpURI: string; secret: string; qr: string; backupCodes: string[] };

/**
 * Turning TOTP on: the password, then a QR code (and the secret, for typing) with recovery codes,
 * then a code from the app proves it works. Turning it off asks for the password.
 */
export function TwoFactorSettings() {
  const t = useTranslations("settings.security");
  const tAuth = useTranslations("auth");
  const { data: session, refetch } = authClient.useSession();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const enabled = Boolean(
    (session?.user as { twoFactorEnabled?: boolean } | undefined)?.twoFactorEnabled,
  );
  const fail = (failure: { status?: number; code?: string }) =>
    setError(tAuth(`errors.${authErrorKey(failure)}`));

  async function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const password = String(new FormData(event.currentTarget).get("password"));
    const { data, error: failure } = await authClient.twoFactor.enable({ password });
    if (failure || !data || !("totpURI" in data)) return fail(failure ?? {});
    setEnrolment({
      totpURI: data.totpURI,
      secret: new URL(data.totpURI).searchParams.get("secret") ?? "",
      qr: await QRCode.toDataURL(data.totpURI, { margin: 1, width: 192 }),
      backupCodes: data.backupCodes,
    });
  }

  async function confirm(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const code = String(new FormData(event.currentTarget).get("code")).replace(/\s+/g, "");
    const { error: failure } = await authClient.twoFactor.verifyTotp({ code });
    if (failure) return fail(failure);
    setEnrolment(null);
    await refetch();
  }

  async function disable(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const password = String(new FormData(event.currentTarget).get("password"));
    const { error: failure } = await authClient.twoFactor.disable({ password });
    if (failure) return fail(failure);
    await refetch();
  }

  const alert = error ? (
    <p role="alert" className="text-sm text-destructive">
      {error}
    </p>
  ) : null;

  return (
    <SettingsCard title={t("twoFactorTitle")} description={t("twoFactorDescription")}>
      <p className="text-sm font-medium" data-testid="two-factor-state">
        {enabled ? t("twoFactorOn") : t("twoFactorOff")}
      </p>
      {enrolment ? (
        <form className="grid gap-4" onSubmit={(event) => void confirm(event)}>
          <p className="text-sm">{t("scan")}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a generated data URL */}
          <img
            src={enrolment.qr}
            alt={t("qrAlt")}
            width={192}
            height={192}
            className="rounded border"
          />
          <p className="text-sm">
            {t("secret")}{" "}
            <code className="break-all rounded bg-muted px-1" data-testid="totp-secret">
              {enrolment.secret}
            </code>
          </p>
          <div className="grid gap-2">
            <p className="text-sm">{t("recoveryCodes")}</p>
            <ul className="grid grid-cols-2 gap-1 font-mono text-sm" data-testid="recovery-codes">
              {enrolment.backupCodes.map((code) => (
                <li key={code}>{code}</li>
              ))}
            </ul>
          </div>
          <FormField
            id="code"
            label={tAuth("twoFactor.code")}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
          />
          {alert}
          <Button type="submit" className="w-fit">
            {t("confirmTwoFactor")}
          </Button>
        </form>
      ) : (
        <form
          className="grid gap-4"
          onSubmit={(event) => void (enabled ? disable(event) : start(event))}
        >
          <FormField
            id="password"
            type="password"
            label={t("currentPassword")}
            autoComplete="current-password"
            required
          />
          {alert}
          <Button type="submit" variant={enabled ? "outline" : "default"} className="w-fit">
            {enabled ? t("disableTwoFactor") : t("enableTwoFactor")}
          </Button>
        </form>
      )}
    </SettingsCard>
  );
}
