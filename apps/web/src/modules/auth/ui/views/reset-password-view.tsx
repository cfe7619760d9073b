"use client";

import { Button } from "@echo/ui/components/button";
import { useTranslations } from "next-intl";
import { type FormEvent, useState } from "react";

import { Link, useRouter } from "@/i18n/navigation";

import { authClient } from "../../lib/auth-client";
import { authErrorKey } from "../../lib/auth-error-key";
import { AuthCard } from "../components/auth-card";
import { FormError } from "../components/form-error";
import { FormField } from "../components/form-field";

export function ResetPasswordView({ token }: { token: string | null }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const [error, setError] = useState<string | null>(token ? null : t("errors.invalidResetLink"));

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!token) return;
    const form = new FormData(event.currentTarget);
    const { error: failure } = await authClient.resetPassword({
      newPassword: String(form.get("password")),
      token,
    });
    if (failure) setError(t(`errors.${authErrorKey(failure)}`));
    else router.replace("/sign-in");
  }

  return (
    <AuthCard
      title={t("resetPassword.title")}
      footer={
        <Link href="/sign-in" className="underline underline-offset-4">
          {t("forgotPassword.back")}
        </Link>
      }
    >
      {/* POST, so a submit before the script loads never puts credentials in the address. */}
      <form method="post" className="grid gap-4" onSubmit={onSubmit}>
        <FormError message={error} />
        <FormField
          id="password"
          type="password"
          label={t("fields.newPassword")}
          autoComplete="new-password"
          minLength={8}
          required
          disabled={!token}
        />
        <Button type="submit" disabled={!token}>
          {t("resetPassword.action")}
        </Button>
      </form>
    </AuthCard>
  );
}
