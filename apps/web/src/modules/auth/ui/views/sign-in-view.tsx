"use client";

import { Button } from "@echo/ui/components/button";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { Link } from "@/i18n/navigation";

import { useAuthForm } from "../../hooks/use-auth-form";
import { authClient } from "../../lib/auth-client";
import { AuthCard } from "../components/auth-card";
import { FormError } from "../components/form-error";
import { FormField } from "../components/form-field";
import { TwoFactorStep } from "../components/two-factor-step";

export function SignInView({
  demoLogin,
}: {
  demoLogin?: { email: string; password: string } | null;
}) {
  const t = useTranslations("auth");
  const [needsCode, setNeedsCode] = useState(false);
  const { error, pending, onSubmit } = useAuthForm(async (form) => {
    const result = await authClient.signIn.email({
      email: String(form.get("email")),
      password: String(form.get("password")),
    });
    const twoFactor = Boolean(
      (result.data as { twoFactorRedirect?: boolean } | null)?.twoFactorRedirect,
    );
    if (twoFactor) setNeedsCode(true);
    return { error: result.error, stay: twoFactor };
  }, "/conversations");

  if (needsCode)
    return (
      <AuthCard title={t("twoFactor.title")}>
        <TwoFactorStep onBack={() => setNeedsCode(false)} />
      </AuthCard>
    );

  return (
    <AuthCard
      title={t("signIn.title")}
      description={t("signIn.description")}
      footer={
        <>
          <Link href="/forgot-password" className="underline underline-offset-4">
            {t("signIn.forgotPassword")}
          </Link>
          <span>
            {t("signIn.noAccount")}{" "}
            <Link href="/sign-up" className="underline underline-offset-4">
              {t("signUp.action")}
            </Link>
          </span>
        </>
      }
    >
      {/* POST, so a submit before the script loads never puts credentials in the address. */}
      <form method="post" className="grid gap-4" onSubmit={onSubmit}>
        <FormError message={error} />
        {demoLogin ? (
          <p className="rounded-md bg-muted p-3 text-sm" data-testid="demo-login">
            {t("signIn.demoLogin", demoLogin)}
          </p>
        ) : null}
        <FormField
          id="email"
          type="email"
          label={t("fields.email")}
          autoComplete="email"
          required
          defaultValue={demoLogin?.email}
        />
        <FormField
          id="password"
          type="password"
          label={t("fields.password")}
          autoComplete="current-password"
          required
        />
        <Button type="submit" disabled={pending}>
          {pending ? t("signIn.pending") : t("signIn.action")}
        </Button>
      </form>
    </AuthCard>
  );
}
