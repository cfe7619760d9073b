"use client";

import { Button } from "@echo/ui/components/button";
import { useTranslations } from "next-intl";

import { useRouter } from "@/i18n/navigation";
import { authClient } from "@/modules/auth/lib/auth-client";

export function SignOutButton() {
  const t = useTranslations("dashboard");
  const router = useRouter();
  return (
    <Button
      variant="outline"
      size="sm"
      onClick={async () => {
        await authClient.signOut();
        router.replace("/sign-in");
        router.refresh();
      }}
    >
      {t("signOut")}
    </Button>
  );
}
