"use client";

import { Button } from "@echo/ui/components/button";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { useAuthForm } from "../../hooks/use-auth-form";
import { authClient } from "../../lib/auth-client";
import { FormError } from "./form-error";
import { FormField } from "./form-field";

/** The second step of signing in once two-factor authentication is on: a TOTP or recovery code. */
export function TwoFactorStep({ onBack }: { onBack: () => void }) {
  const t = useTranslations("auth.twoFactor");
  const [recovery, setRecovery] = useState(false);
  const { error, pending, onSubmit } = useAuthForm((form) => {
    const code = String(form.get("code")).replace(/\s+/g, "");
    return recovery
      ? authClient.twoFactor.verifyBackupCode({ code })
      : authClient.twoFactor.verifyTotp({ code });
  }, "/conversations");
  return (
    <form method="post" className="grid gap-4" onSubmit={onSubmit}>
      <p className="text-sm text-muted-foreground">{t("description")}</p>
      <FormError message={error} />
      {recovery ? (
        <FormField key="recovery" id="code" label={t("recoveryCode")} autoComplete="off" required />
      ) : (
        <FormField
          key="totp"
          id="code"
          label={t("code")}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]{6,7}"
          autoFocus
          required
        />
      )}
      <Button type="submit" disabled={pending}>
        {pending ? t("pending") : t("action")}
      </Button>
      <div className="flex flex-wrap justify-between gap-2 text-sm">
        <button
          type="button"
          className="underline underline-offset-4"
          onClick={() => setRecovery(!recovery)}
        >
          {recovery ? t("useApp") : t("useRecovery")}
        </button>
        <button type="button" className="underline underline-offset-4" onClick={onBack}>
          {t("back")}
        </button>
      </div>
    </form>
  );
}
