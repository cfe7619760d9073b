import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { Link } from "@/i18n/navigation";
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
  const account = provider === "clerk" ? <ClerkAccountControls /> : <SignOutButton />;
  return (
    <div className="flex min-h-dvh flex-col md:flex-row">
      {/* On wide screens the sidebar keeps to the viewport's height while the page scrolls past it. */}
      <aside className="flex shrink-0 flex-col gap-3 border-b bg-muted/30 p-3 md:sticky md:top-0 md:h-dvh md:w-60 md:gap-4 md:overflow-y-auto md:border-r md:border-b-0">
        <div className="flex items-center justify-between gap-2 px-2">
          <span className="text-lg font-semibold">Echo</span>
          <div className="flex min-w-0 items-center gap-2">
            <LanguageSwitcher />
            <div className="md:hidden">{account}</div>
          </div>
        </div>
        <div className="flex min-w-0 items-center justify-between gap-2 px-2">
          <AuthenticatedArea>
            <OrganizationName />
          </AuthenticatedArea>
          {/* Clerk's own switcher sits with its account controls. */}
          {provider === "clerk" ? null : (
            <Link
              href="/organizations"
              aria-label={t("switchOrganizationLabel")}
              className="shrink-0 text-xs text-muted-foreground underline underline-offset-4 hover:text-foreground"
            >
              {t("switchOrganization")}
            </Link>
          )}
        </div>
        <nav aria-label={t("navigation")} className="min-w-0 overflow-x-auto md:overflow-visible">
          <NavLinks />
        </nav>
        <div className="mt-auto hidden flex-col gap-2 px-2 text-sm md:flex">
          <div className="min-w-0">
            <div className="truncate font-medium">{user.name}</div>
            <div className="truncate text-muted-foreground">{user.email}</div>
          </div>
          {account}
        </div>
      </aside>
      <main className="min-w-0 flex-1">
        <AuthenticatedArea>{children}</AuthenticatedArea>
      </main>
    </div>
  );
}
