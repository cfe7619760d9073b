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

/**
 * The browser's client for each deployment, kept for the page's lifetime. The dashboard's layout
 * mounts again whenever the language changes (its segment is part of the path); a client per
 * mount would leave the previous one's socket and subscriptions open behind it.
 */
const browserClients = new Map<string, ConvexReactClient>();

/** The page's client for `url`; on the server, one per render, which nothing shares. */
export function convexClientFor(url: string): ConvexReactClient {
  if (typeof window === "undefined") return new ConvexReactClient(url);
  let client = browserClients.get(url);
  if (!client) {
    client = new ConvexReactClient(url);
    browserClients.set(url, client);
  }
  return client;
}

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
  const [client] = useState(() => convexClientFor(url));
  return provider === "clerk" ? (
    <ClerkConvexProvider client={client}>{children}</ClerkConvexProvider>
  ) : (
    <ConvexProviderWithAuth client={client} useAuth={useConvexAuthFromIdentity}>
      {children}
    </ConvexProviderWithAuth>
  );
}
