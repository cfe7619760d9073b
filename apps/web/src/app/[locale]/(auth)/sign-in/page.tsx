import { Suspense } from "react";

import { redirect } from "@/i18n/navigation";
import { demoLogin } from "@/modules/auth/lib/demo-login";
import { getCurrentSession } from "@/modules/auth/lib/session";
import { SignInView } from "@/modules/auth/ui/views/sign-in-view";

export default async function SignInPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (await getCurrentSession()) redirect({ href: "/conversations", locale });
  return (
    <Suspense>
      <SignInView demoLogin={demoLogin()} />
    </Suspense>
  );
}
