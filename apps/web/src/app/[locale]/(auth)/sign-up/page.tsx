import { Suspense } from "react";

import { SignUpView } from "@/modules/auth/ui/views/sign-up-view";

export default function SignUpPage() {
  return (
    <Suspense>
      <SignUpView />
    </Suspense>
  );
}
