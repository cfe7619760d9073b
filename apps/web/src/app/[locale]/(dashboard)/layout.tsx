import type { ReactNode } from "react";

import { redirect } from "@/i18n/navigation";
import { getCurrentSession } from "@/modules/auth/lib/session";
import { ConvexClientProvider } from "@/modules/convex/convex-client-provider";
import { convexUrl } from "@/modules/convex/convex-url";
import { DashboardShell } from "@/modules/dashboard/ui/components/dashboard-shell";

export default async function DashboardLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  const session = await getCurrentSession();
  if (!session) return redirect({ href: "/sign-in", locale });
  if (!session.session.activeOrganizationId) return redirect({ href: "/organizations", locale });
  return (
    <ConvexClientProvider url={convexUrl()}>
      <DashboardShell user={{ name: session.user.name, email: session.user.email }}>
        {children}
      </DashboardShell>
    </ConvexClientProvider>
  );
}
