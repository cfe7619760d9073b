"use client";

import { Button } from "@echo/ui/components/button";
import { useTranslations } from "next-intl";

import { Link } from "@/i18n/navigation";

import { useAuthForm } from "../../hooks/use-auth-form";
import { authClient } from "../../lib/auth-client";
import { AuthCard } from "../components/auth-card";
import { FormError } from "../components/form-error";
import { FormField } from "../components/form-field";

export function SignUpView() {
  const t = useTranslations("auth");
  const { error, pending, onSubmit } = useAuthForm(
    (form) =>
      authClient.signUp.email({
        name: String(form.get("name")).trim(),
        email: String(form.get("email")).trim(),
        password: String(form.get("password")),
      }),
    "/organizations",
  );

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
      {/* POST, so a submit before the script loads never puts credentials in the address. */}
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
    </AuthCard>
  );
}
