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

export function SignUpView() {
  const t = useTranslations("auth");
  const [confirmTo, setConfirmTo] = useState<string | null>(null);
  const { error, pending, onSubmit } = useAuthForm(async (form, destination) => {
    const email = String(form.get("email")).trim();
    const { data, error: failure } = await authClient.signUp.email({
      name: String(form.get("name")).trim(),
      email,
      password: String(form.get("password")),
      // Where the confirmation link lands, signed in; the proxy adds the locale.
      callbackURL: destination,
    });
    // No session yet: this deployment wants the address confirmed first.
    if (!failure && !data?.token) {
      setConfirmTo(email);
      return { error: null, stay: true };
    }
    return { error: failure };
  }, "/organizations");

  return (
    <AuthCard
      title={t("signUp.title")}
      description={t("signUp.description")}
      footer={
        <span>
          {t("signUp.haveAccount")}{" "}
          <Link href="/sign-in" className="underline underline-offset-4">
            {t("signIn.action")}
          </Link>
        </span>
      }
    >
      {confirmTo ? (
        <p role="status" className="text-sm" data-testid="confirm-email">
          {t("signUp.confirmEmail", { email: confirmTo })}
        </p>
      ) : (
        /* POST, so a submit before the script loads never puts credentials in the address. */
        <form method="post" className="grid gap-4" onSubmit={onSubmit}>
          <FormError message={error} />
          <FormField
            id="name"
            label={t("fields.name")}
            autoComplete="name"
            required
            maxLength={100}
          />
          <FormField
            id="email"
            type="email"
            label={t("fields.email")}
            autoComplete="email"
            required
          />
          <FormField
            id="password"
            type="password"
            label={t("fields.password")}
            autoComplete="new-password"
            minLength={8}
            required
          />
          <Button type="submit" disabled={pending}>
            {pending ? t("signUp.pending") : t("signUp.action")}
          </Button>
        </form>
      )}
    </AuthCard>
  );
}
