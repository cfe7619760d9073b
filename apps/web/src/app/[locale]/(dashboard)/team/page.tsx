import { redirect } from "@/i18n/navigation";
import { getCurrentSession } from "@/modules/auth/lib/session";
import { TeamView } from "@/modules/team/ui/views/team-view";

export default async function TeamPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  const session = await getCurrentSession();
  if (!session) return redirect({ href: "/sign-in", locale });
  return <TeamView userId={session.user.id} />;
}
