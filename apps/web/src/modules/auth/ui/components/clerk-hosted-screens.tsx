"use client";

import { OrganizationList, OrganizationProfile, SignIn, SignUp, UserProfile } from "@clerk/nextjs";

// Clerk mode renders Clerk's hosted components where the self-hosted views would be.
export function ClerkSignIn() {
  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <SignIn />
    </main>
  );
}

export function ClerkSignUp() {
  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <SignUp />
    </main>
  );
}

export function ClerkOrganizationList() {
  return (
    <main className="flex min-h-dvh items-center justify-center p-4">
      <OrganizationList
        hidePersonal
        afterSelectOrganizationUrl="/conversations"
        afterCreateOrganizationUrl="/conversations"
      />
    </main>
  );
}

export function ClerkTeam() {
  return (
    <section className="p-6">
      <OrganizationProfile routing="hash" />
    </section>
  );
}

export function ClerkProfile() {
  return <UserProfile routing="hash" />;
}

export function ClerkOrganizationSettings() {
  return <OrganizationProfile routing="hash" />;
}
