"use client";

import { ConvexProviderWithAuth, ConvexReactClient } from "convex/react";
import dynamic from "next/dynamic";
import { type ReactNode, useState } from "react";

import { useConvexAuthFromIdentity } from "@/modules/auth/hooks/use-convex-auth";
import type { IdentityProviderName } from "@/modules/auth/lib/identity-provider";

// Clerk's client loads only in Clerk mode; the self-hosted mode's pages never ship it.
const ClerkConvexProvider = dynamic(() =>
  import("./clerk-convex-provider").then((provider) => provider.ClerkConvexProvider),
);

/** `url` and `provider` come from the server at request time, so one build serves any deployment. */
export function ConvexClientProvider({
  url,
  provider,
  children,
}: {
  url: string;
  provider: IdentityProviderName;
  children: ReactNode;
}) {
  const [client] = useState(() => new ConvexReactClient(url));
  return provider === "clerk" ? (
    <ClerkConvexProvider client={client}>{children}</ClerkConvexProvider>
  ) : (
    <ConvexProviderWithAuth client={client} useAuth={useConvexAuthFromIdentity}>
      {children}
    </ConvexProviderWithAuth>
  );
}
