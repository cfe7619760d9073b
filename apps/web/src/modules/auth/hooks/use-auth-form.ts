"use client";

import { useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { type FormEvent, useState } from "react";

import { useRouter } from "@/i18n/navigation";

import { authErrorKey } from "../lib/auth-error-key";
import { safeNext } from "../lib/safe-next";

/** `stay`: the form succeeded but the visitor has more to do here (e.g. confirm their e-mail). */
type AuthResult = { error: { status?: number; code?: string } | null; stay?: boolean };

/**
 * Submits an identity form: shows a translated error, or continues to the page the visitor came
 * for (`?next=`, same site only) or to `fallback`.
 */
export function useAuthForm(
  submit: (form: FormData, destination: string) => Promise<AuthResult>,
  fallback: string,
) {
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
    const { error: failure, stay } = await submit(form, next ?? fallback);
    setPending(false);
    if (failure) {
      setError(t(`errors.${authErrorKey(failure)}`));
      return;
    }
    if (stay) return;
    router.replace(next ?? fallback);
    router.refresh();
  }

  return { error, pending, onSubmit };
}
