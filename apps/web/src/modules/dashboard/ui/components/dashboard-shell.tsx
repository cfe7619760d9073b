import { useTranslations } from "next-intl";
import type { ReactNode } from "react";

import { Link } from "@/i18n/navigation";
import type { IdentityProviderName } from "@/modules/auth/lib/identity-provider";
import { ClerkAccountControls } from "@/modules/auth/ui/components/clerk-components";
import { AuthenticatedArea } from "@/modules/convex/authenticated-area";
import { mailSinkUrl } from "@/modules/notifications/lib/mail-sink-url";
import { AttentionNotifier } from "@/modules/notifications/ui/components/attention-notifier";
import { NotificationPermissionControl } from "@/modules/notifications/ui/components/notification-permission-control";
import type { Theme } from "@/modules/theme/lib/theme";
import { ThemeToggle } from "@/modules/theme/ui/components/theme-toggle";

import { LanguageSwitcher } from "./language-switcher";
import { MobileNavigation } from "./mobile-navigation";
import { NavLinks } from "./nav-links";
import { OrganizationName } from "./organization-name";
import { SignOutButton } from "./sign-out-button";

/**
 * A sidebar beside the page on wide screens; on phones a top bar whose menu opens the same
 * sections in a drawer. `--dashboard-top-bar` is that bar's height, so full-height screens fit under it.
 */
export function DashboardShell({
  user,
  provider,
  theme,
  children,
}: {
  user: { name: string; email: string };
  provider: IdentityProviderName;
  theme: Theme;
  children: ReactNode;
}) {
  const t = useTranslations("dashboard");
  const tNotifications = useTranslations("notifications");
  const organization = (
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
  );
  const caughtMail = mailSinkUrl();
  const account = (
    <>
      <NotificationPermissionControl />
      {caughtMail ? (
        <a
          href={caughtMail}
          target="_blank"
          rel="noreferrer"
          className="text-xs text-muted-foreground underline underline-offset-4 hover:text-foreground"
        >
          {tNotifications("caughtMail")}
        </a>
      ) : null}
      <LanguageSwitcher />
      <ThemeToggle initial={theme} />
      <div className="min-w-0">
        <div className="truncate font-medium" title={user.name}>
          {user.name}
        </div>
        <div className="truncate text-muted-foreground" title={user.email}>
          {user.email}
        </div>
      </div>
      {provider === "clerk" ? <ClerkAccountControls /> : <SignOutButton />}
    </>
  );
  return (
    <div className="flex min-h-dvh flex-col [--dashboard-top-bar:3.5rem] md:flex-row md:[--dashboard-top-bar:0px]">
      <MobileNavigation organization={organization} account={account} />
      {/* The sidebar keeps to the viewport's height while the page scrolls past it. */}
      <aside className="sticky top-0 hidden h-dvh w-60 shrink-0 flex-col gap-4 overflow-y-auto border-r bg-muted/30 p-3 md:flex">
        <span className="px-2 text-lg font-semibold">Echo</span>
        {organization}
        <nav aria-label={t("navigation")}>
          <NavLinks />
        </nav>
        <div className="mt-auto grid gap-2 px-2 text-sm">{account}</div>
      </aside>
      <main className="min-w-0 flex-1">
        <AttentionNotifier />
        <AuthenticatedArea>{children}</AuthenticatedArea>
      </main>
    </div>
  );
}
