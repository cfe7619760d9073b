"use client";

import { Button } from "@echo/ui/components/button";
import { useLocale, useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { Link } from "@/i18n/navigation";

import { authClient } from "../../lib/auth-client";
import { authErrorKey } from "../../lib/auth-error-key";
import { AuthCard } from "../components/auth-card";
import { FormError } from "../components/form-error";
import { FormField } from "../components/form-field";

export function ForgotPasswordView() {
  const t = useTranslations("auth");
  const locale = useLocale();
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setError(null);
    const { error: failure } = await authClient.requestPasswordReset({
      email: String(form.get("email")).trim(),
      redirectTo: `/${locale}/reset-password`,
    });
    if (failure) setError(t(`errors.${authErrorKey(failure)}`));
    else setSent(true);
  }

  return (
    <AuthCard
      title={t("forgotPassword.title")}
      description={t("forgotPassword.description")}
      footer={
        <Link href="/sign-in" className="underline underline-offset-4">
          {t("forgotPassword.back")}
        </Link>
      }
    >
      {sent ? (
        <p role="status" className="text-sm">
          {t("forgotPassword.sent")}
        </p>
      ) : (
        <form method="post" className="grid gap-4" onSubmit={onSubmit}>
          <FormError message={error} />
          <FormField
            id="email"
            type="email"
            label={t("fields.email")}
            autoComplete="email"
            required
          />
          <Button type="submit">{t("forgotPassword.action")}</Button>
        </form>
      )}
    </AuthCard>
  );
}
