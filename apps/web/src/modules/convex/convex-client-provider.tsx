"use client";

import { ConvexProviderWithAuth, ConvexReactClient } from "convex/react";
import { type ReactNode, useState } from "react";

import { useConvexAuthFromIdentity } from "@/modules/auth/hooks/use-convex-auth";

/** `url` comes from the server at request time, so one build serves any deployment. */
export function ConvexClientProvider({ url, children }: { url: string; children: ReactNode }) {
  const [client] = useState(() => new ConvexReactClient(url));
  return (
    <ConvexProviderWithAuth client={client} useAuth={useConvexAuthFromIdentity}>
      {children}
    </ConvexProviderWithAuth>
  );
}
