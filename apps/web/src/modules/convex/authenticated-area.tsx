"use client";

import { Button } from "@echo/ui/components/button";
import { Authenticated, AuthLoading, Unauthenticated } from "convex/react";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { ErrorBoundary, type FallbackProps } from "react-error-boundary";

import { Link } from "@/i18n/navigation";

import { errorCodeOf } from "@echo/backend/convex/lib/errors";

function Fallback({ error, resetErrorBoundary }: FallbackProps) {
  const t = useTranslations("errors");
  const code = errorCodeOf(error);
  return (
    <div role="alert" className="m-6 grid max-w-md gap-3 rounded-lg border p-4 text-sm">
      <p>{code ? t(code) : t("generic")}</p>
      <Button variant="outline" size="sm" className="w-fit" onClick={resetErrorBoundary}>
        {t("retry")}
      </Button>
    </div>
  );
}

/**
 * Renders Convex-backed dashboard content only once the backend has accepted the operator's
 * token, and contains a failing query to its own area instead of the whole page.
 */
export function AuthenticatedArea({ children }: { children: ReactNode }) {
  const t = useTranslations("errors");
  return (
    <>
      <AuthLoading>
        <div className="m-6 h-24 animate-pulse rounded-md bg-muted" aria-label={t("connecting")} />
      </AuthLoading>
      <Unauthenticated>
        <div role="alert" className="m-6 grid gap-2 text-sm">
          <p>{t("notConnected")}</p>
          <Link href="/sign-in" className="underline">
            {t("signInAgain")}
          </Link>
        </div>
      </Unauthenticated>
      <Authenticated>
        <ErrorBoundary FallbackComponent={Fallback}>{children}</ErrorBoundary>
      </Authenticated>
    </>
  );
}
