"use client";

import { useAuth } from "@clerk/nextjs";
import { ConvexProviderWithAuth, ConvexReactClient } from "convex/react";
import { ConvexProviderWithClerk } from "convex/react-clerk";
import { type ReactNode, useState } from "react";

import { useConvexAuthFromIdentity } from "@/modules/auth/hooks/use-convex-auth";
import type { IdentityProviderName } from "@/modules/auth/lib/identity-provider";

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
    <ConvexProviderWithClerk client={client} useAuth={useAuth}>
      {children}
    </ConvexProviderWithClerk>
  ) : (
    <ConvexProviderWithAuth client={client} useAuth={useConvexAuthFromIdentity}>
      {children}
    </ConvexProviderWithAuth>
  );
}
