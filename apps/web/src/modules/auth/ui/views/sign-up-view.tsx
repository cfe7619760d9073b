"use client";

import { Button } from "@echo/ui/components/button";
import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";

import { Link, useRouter } from "@/i18n/navigation";

import { authClient } from "../../lib/auth-client";
import { authErrorKey } from "../../lib/auth-error-key";
import { safeNext } from "../../lib/safe-next";
import { AuthCard } from "../components/auth-card";
import { FormError } from "../components/form-error";
import { FormField } from "../components/form-field";

export function SignUpView() {
  const t = useTranslations("auth");
  const router = useRouter();
  const next = safeNext(useSearchParams().get("next"));
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const { error: failure } = await authClient.signUp.email({
      name: String(form.get("name")).trim(),
      email: String(form.get("email")).trim(),
      password: String(form.get("password")),
    });
    setPending(false);
    if (failure) {
      setError(t(`errors.${authErrorKey(failure)}`));
      return;
    }
    router.replace(next ?? "/organizations");
    router.refresh();
  }

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
      <form className="grid gap-4" onSubmit={onSubmit}>
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
