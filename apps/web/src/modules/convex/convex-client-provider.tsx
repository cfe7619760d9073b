"use client";

import { ConvexProviderWithAuth, ConvexReactClient } from "convex/react";
import { type ReactNode, useState } from "react";

import { useConvexAuthFromIdentity } from "@/modules/auth/hooks/use-convex-auth";

export function ConvexClientProvider({ children }: { children: ReactNode }) {
  const [client] = useState(
    () => new ConvexReactClient(process.env.NEXT_PUBLIC_CONVEX_URL ?? "http://127.0.0.1:3210"),
  );
  return (
    <ConvexProviderWithAuth client={client} useAuth={useConvexAuthFromIdentity}>
      {children}
    </ConvexProviderWithAuth>
  );
}
