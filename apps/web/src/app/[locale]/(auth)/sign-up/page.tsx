import { Suspense } from "react";

import { identityProvider } from "@/modules/auth/lib/identity-provider";
import { ClerkSignUp } from "@/modules/auth/ui/components/clerk-components";
import { SignUpView } from "@/modules/auth/ui/views/sign-up-view";

export const dynamic = "force-dynamic";

export default function SignUpPage() {
  if (identityProvider() === "clerk") return <ClerkSignUp />;
  return (
    <Suspense>
      <SignUpView />
    </Suspense>
  );
}
