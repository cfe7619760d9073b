import { AcceptInvitationView } from "@/modules/auth/ui/views/accept-invitation-view";

export default async function AcceptInvitationPage({
  params,
}: {
  params: Promise<{ invitationId: string }>;
}) {
  const { invitationId } = await params;
  return <AcceptInvitationView invitationId={invitationId} />;
}
