import { redirect } from "@/i18n/navigation";
import { identityProvider } from "@/modules/auth/lib/identity-provider";
import { getOperatorSession } from "@/modules/auth/lib/operator-session";
import { ClerkOrganizationList } from "@/modules/auth/ui/components/clerk-components";
import { OrganizationSelectionView } from "@/modules/auth/ui/views/organization-selection-view";

export default async function OrganizationsPage({
  params,
}: {
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  if (!(await getOperatorSession())) redirect({ href: "/sign-in", locale });
  return identityProvider() === "clerk" ? <ClerkOrganizationList /> : <OrganizationSelectionView />;
}
