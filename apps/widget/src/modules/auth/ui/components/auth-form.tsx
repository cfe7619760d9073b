"use client";

import { Alert } from "@echo/ui/components/alert";
import { Button } from "@echo/ui/components/button";
import { Input } from "@echo/ui/components/input";
import { Label } from "@echo/ui/components/label";
import { useTranslations } from "next-intl";
import { type FormEvent, useEffect, useId, useRef, useState } from "react";

import type { ErrorCode } from "@/modules/errors/lib/error-code";
import { useHydrated } from "@echo/ui/lib/use-hydrated";

import {
  type ContactForm,
  type ContactFormErrors,
  validateContactForm,
} from "../../lib/contact-form";

/** Name and email, validated before they are sent; `onSubmit` resolves to an error code or null. */
export function AuthForm({
  expired,
  onSubmit,
}: {
  expired: boolean;
  onSubmit: (value: ContactForm) => Promise<ErrorCode | null>;
}) {
  const t = useTranslations("auth");
  const tErrors = useTranslations("errors");
  const id = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const [errors, setErrors] = useState<ContactFormErrors>({});
  const [serverError, setServerError] = useState<ErrorCode | null>(null);
  const [pending, setPending] = useState(false);
  // Server-rendered before hydration, a submit would be a native GET carrying the email in the URL.
  const hydrated = useHydrated();

  useEffect(() => {
    // The server's form can already be in use when this code hydrates it: focus only an idle one.
    const active = document.activeElement;
    if (!active || active === document.body) nameRef.current?.focus();
  }, []);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const result = validateContactForm({
      name: String(data.get("name") ?? ""),
      email: String(data.get("email") ?? ""),
    });
    setServerError(null);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    setErrors({});
    setPending(true);
    const error = await onSubmit(result.value);
    setPending(false);
    setServerError(error);
  };

  const field = (name: keyof ContactForm, type: string, autoComplete: string) => {
    const error = errors[name];
    const errorId = `${id}-${name}-error`;
    return (
      <div className="flex flex-col gap-1.5">
        <Label htmlFor={`${id}-${name}`}>{t(name)}</Label>
        <Input
          ref={name === "name" ? nameRef : undefined}
          id={`${id}-${name}`}
          name={name}
          type={type}
          autoComplete={autoComplete}
          placeholder={t(`${name}Placeholder`)}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? errorId : undefined}
        />
        {error ? (
          <p id={errorId} className="text-sm text-destructive">
            {t(`errors.${error}`)}
          </p>
        ) : null}
      </div>
    );
  };

  return (
    <form noValidate onSubmit={submit} data-auth-form="" className="flex flex-col gap-4 p-4">
      <div className="flex flex-col gap-1">
        <h2 className="text-xl font-semibold">{t("title")}</h2>
        <p className="text-sm">{t("subtitle")}</p>
      </div>
      {expired ? <Alert>{t("expired")}</Alert> : null}
      {field("name", "text", "name")}
      {field("email", "email", "email")}
      {serverError ? <Alert variant="destructive">{tErrors(serverError)}</Alert> : null}
      <Button type="submit" disabled={pending || !hydrated}>
        {pending ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
