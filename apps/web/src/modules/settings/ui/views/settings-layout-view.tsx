import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import type { IdentityProviderName } from "@/modules/auth/lib/identity-provider";

import { sectionsFor } from "../../lib/settings-sections";
import { SettingsNav } from "../components/settings-nav";

export function SettingsLayoutView({
  provider,
  children,
}: {
  provider: IdentityProviderName;
  children: ReactNode;
}) {
  const t = useTranslations("settings");
  return (
    <div className="grid gap-6 p-4 md:p-6">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <div className="grid grid-cols-1 gap-6 md:grid-cols-[12rem_minmax(0,1fr)]">
        <SettingsNav sections={sectionsFor(provider)} />
        <div className="min-w-0 max-w-2xl">{children}</div>
      </div>
    </div>
  );
}
