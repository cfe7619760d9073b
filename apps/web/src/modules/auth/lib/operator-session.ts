import "server-only";

import { auth, currentUser } from "@clerk/nextjs/server";

import { emailVerificationRequired } from "./email-verification";
import { identityProvider } from "./identity-provider";
import { getCurrentSession } from "./session";

export type OperatorSession = {
  userId: string;
  name: string;
  email: string;
  organizationId: string | null;
};

async function fromClerk(): Promise<OperatorSession | null> {
  const { userId, orgId } = await auth();
  if (!userId) return null;
  const user = await currentUser();
  const email =
    user?.primaryEmailAddress?.emailAddress ?? user?.emailAddresses[0]?.emailAddress ?? "";
  const name =
    [user?.firstName, user?.lastName].filter(Boolean).join(" ") || user?.username || email;
  return { userId, name, email, organizationId: orgId ?? null };
}

async function fromSelfHosted(): Promise<OperatorSession | null> {
  const session = await getCurrentSession();
  // A session from before verification was required does not open the dashboard either.
  if (!session || (emailVerificationRequired() && !session.user.emailVerified)) return null;
  return {
    userId: session.user.id,
    name: session.user.name,
    email: session.user.email,
    organizationId: session.session.activeOrganizationId ?? null,
  };
}

/** The signed-in operator for this request, from whichever identity provider is configured. */
export async function getOperatorSession(): Promise<OperatorSession | null> {
  return identityProvider() === "clerk" ? fromClerk() : fromSelfHosted();
}
