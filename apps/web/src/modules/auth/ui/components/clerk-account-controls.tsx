"use client";

import { OrganizationSwitcher, UserButton } from "@clerk/nextjs";

/** Clerk mode: Clerk's own account menu and organization switcher. */
export function ClerkAccountControls() {
  return (
    <div className="flex items-center gap-2">
      <UserButton />
      <OrganizationSwitcher hidePersonal afterSelectOrganizationUrl="/conversations" />
    </div>
  );
}
