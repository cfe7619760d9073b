import { Suspense } from "react";

import { redirect } from "@/i18n/navigation";
import { demoLogin } from "@/modules/auth/lib/demo-login";
import { identityProvider } from "@/modules/auth/lib/identity-provider";
import { getOperatorSession } from "@/modules/auth/lib/operator-session";
import { ClerkSignIn } from "@/modules/auth/ui/components/clerk-components";
import { SignInView } from "@/modules/auth/ui/views/sign-in-view";

export default async function SignInPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (await getOperatorSession()) redirect({ href: "/conversations", locale });
  if (identityProvider() === "clerk") return <ClerkSignIn />;
  return (
    <Suspense>
      <SignInView demoLogin={demoLogin()} />
    </Suspense>
  );
}
