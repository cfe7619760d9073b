import { redirect } from "@/i18n/navigation";
import { getCurrentSession } from "@/modules/auth/lib/session";
import { OrganizationSelectionView } from "@/modules/auth/ui/views/organization-selection-view";

export default async function OrganizationsPage({
  params,
}: {
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!(await getCurrentSession())) redirect({ href: "/sign-in", locale });
  return <OrganizationSelectionView />;
}
