import type { ReactNode } from "react";

import { identityProvider } from "../../lib/identity-provider";
import { ClerkProvider } from "./clerk-components";

/** Clerk's provider in Clerk mode; the self-hosted provider needs no React context. */
export function IdentityProvider({ locale, children }: { locale: string; children: ReactNode }) {
  if (identityProvider() !== "clerk") return children;
  return (
    <ClerkProvider
      publishableKey={process.env.NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY}
      signInUrl={`/${locale}/sign-in`}
      signUpUrl={`/${locale}/sign-up`}
    >
      {children}
    </ClerkProvider>
  );
}
