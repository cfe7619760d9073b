import { redirect } from "@/i18n/navigation";
import { identityProvider } from "@/modules/auth/lib/identity-provider";
import { SecurityView } from "@/modules/settings/ui/views/security-view";

export default async function SecuritySettingsPage({
  params,
}: {
  params: Promise<{ locale: string }>;
}) {
  const { locale } = await params;
  // With Clerk, passwords and two-factor authentication live in Clerk's profile.
  if (identityProvider() === "clerk") return redirect({ href: "/settings/profile", locale });
  return <SecurityView />;
}
