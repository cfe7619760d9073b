import type { ReactNode } from "react";

import { redirect } from "@/i18n/navigation";
import { identityProvider } from "@/modules/auth/lib/identity-provider";
import { getOperatorSession } from "@/modules/auth/lib/operator-session";
import { ConvexClientProvider } from "@/modules/convex/convex-client-provider";
import { convexUrl } from "@/modules/convex/convex-url";
import { DashboardShell } from "@/modules/dashboard/ui/components/dashboard-shell";
import { themeFromCookies } from "@/modules/theme/lib/theme-from-cookies";

export default async function DashboardLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  const operator = await getOperatorSession();
  if (!operator) return redirect({ href: "/sign-in", locale });
  if (!operator.organizationId) return redirect({ href: "/organizations", locale });
  const provider = identityProvider();
  return (
    <ConvexClientProvider url={convexUrl()} provider={provider}>
      <DashboardShell
        user={{ name: operator.name, email: operator.email }}
        provider={provider}
        theme={await themeFromCookies()}
      >
        {children}
      </DashboardShell>
    </ConvexClientProvider>
  );
}
