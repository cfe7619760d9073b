import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import type { IdentityProviderName } from "@/modules/auth/lib/identity-provider";
import { ClerkAccountControls } from "@/modules/auth/ui/components/clerk-account-controls";
import { AuthenticatedArea } from "@/modules/convex/authenticated-area";

import { LanguageSwitcher } from "./language-switcher";
import { NavLinks } from "./nav-links";
import { OrganizationName } from "./organization-name";
import { SignOutButton } from "./sign-out-button";

export function DashboardShell({
  user,
  provider,
  children,
}: {
  user: { name: string; email: string };
  provider: IdentityProviderName;
  children: ReactNode;
}) {
  const t = useTranslations("dashboard");
  return (
    <div className="flex min-h-dvh flex-col md:flex-row">
      <aside className="flex shrink-0 flex-col gap-4 border-b bg-muted/30 p-3 md:w-60 md:border-r md:border-b-0">
        <div className="flex items-center justify-between gap-2 px-2">
          <span className="text-lg font-semibold">Echo</span>
          <LanguageSwitcher />
        </div>
        <div className="px-2">
          <AuthenticatedArea>
            <OrganizationName />
          </AuthenticatedArea>
        </div>
        <nav aria-label={t("navigation")} className="overflow-x-auto md:overflow-visible">
          <NavLinks />
        </nav>
        <div className="mt-auto hidden flex-col gap-2 px-2 text-sm md:flex">
          <div className="min-w-0">
            <div className="truncate font-medium">{user.name}</div>
            <div className="truncate text-muted-foreground">{user.email}</div>
          </div>
          {provider === "clerk" ? <ClerkAccountControls /> : <SignOutButton />}
        </div>
      </aside>
      <main className="min-w-0 flex-1">
        <AuthenticatedArea>{children}</AuthenticatedArea>
      </main>
    </div>
  );
}
