import { redirect } from "@/i18n/navigation";
import { identityProvider } from "@/modules/auth/lib/identity-provider";
import { getOperatorSession } from "@/modules/auth/lib/operator-session";
import { ClerkTeam } from "@/modules/auth/ui/components/clerk-components";
import { TeamView } from "@/modules/team/ui/views/team-view";

export default async function TeamPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const operator = await getOperatorSession();
  if (!operator) return redirect({ href: "/sign-in", locale });
  return identityProvider() === "clerk" ? <ClerkTeam /> : <TeamView userId={operator.userId} />;
}
