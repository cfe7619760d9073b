"use client";

import { Button } from "@echo/ui/components/button";
import { useTranslations } from "next-intl";
import { useState } from "react";

import { Link, useRouter } from "@/i18n/navigation";

import { authClient } from "../../lib/auth-client";
import { authErrorKey } from "../../lib/auth-error-key";
import { AuthCard } from "../components/auth-card";
import { FormError } from "../components/form-error";

export function AcceptInvitationView({ invitationId }: { invitationId: string }) {
  const t = useTranslations("auth");
  const router = useRouter();
  const { data: session } = authClient.useSession();
  const [error, setError] = useState<string | null>(null);

  async function accept() {
    const { data, error: failure } = await authClient.organization.acceptInvitation({
      invitationId,
    });
    if (failure || !data) {
      setError(t(`errors.${authErrorKey(failure)}`));
      return;
    }
    await authClient.organization.setActive({ organizationId: data.invitation.organizationId });
    router.replace("/conversations");
    router.refresh();
  }

  return (
    <AuthCard title={t("invitation.title")} description={t("invitation.description")}>
      <div className="grid gap-4">
        <FormError message={error} />
        {session ? (
          <Button onClick={accept}>{t("invitation.accept")}</Button>
        ) : (
          <p className="text-sm">
            {t("invitation.signInFirst")}{" "}
            <Link
              href={`/sign-in?next=/accept-invitation/${invitationId}`}
              className="underline underline-offset-4"
            >
              {t("signIn.action")}
            </Link>{" "}
            ·{" "}
            <Link
              href={`/sign-up?next=/accept-invitation/${invitationId}`}
              className="underline underline-offset-4"
            >
              {t("signUp.action")}
            </Link>
          </p>
        )}
      </div>
    </AuthCard>
  );
}
