"use client";

import dynamic from "next/dynamic";

// Clerk's components load only where Clerk mode renders them: a static import would put Clerk's
// client (about 180 KB of script) on every page of the self-hosted mode, which never runs it.
export const ClerkSignIn = dynamic(() =>
  import("./clerk-hosted-screens").then((screens) => screens.ClerkSignIn),
);
export const ClerkSignUp = dynamic(() =>
  import("./clerk-hosted-screens").then((screens) => screens.ClerkSignUp),
);
export const ClerkOrganizationList = dynamic(() =>
  import("./clerk-hosted-screens").then((screens) => screens.ClerkOrganizationList),
);
export const ClerkTeam = dynamic(() =>
  import("./clerk-hosted-screens").then((screens) => screens.ClerkTeam),
);
export const ClerkProfile = dynamic(() =>
  import("./clerk-hosted-screens").then((screens) => screens.ClerkProfile),
);
export const ClerkOrganizationSettings = dynamic(() =>
  import("./clerk-hosted-screens").then((screens) => screens.ClerkOrganizationSettings),
);
export const ClerkAccountControls = dynamic(() =>
  import("./clerk-account-controls").then((controls) => controls.ClerkAccountControls),
);
export const ClerkPricingTable = dynamic(() =>
  import("@clerk/nextjs").then((clerk) => clerk.PricingTable),
);
// On the client @clerk/nextjs's provider is the one its server component renders, with the same
// properties: the publishable key is set in Clerk mode, so it never runs keyless.
export const ClerkProvider = dynamic(() =>
  import("@clerk/nextjs").then((clerk) => clerk.ClerkProvider),
);
