import { parseSentryDsn } from "@/modules/observability/lib/sentry-dsn";

// Next.js inlines NEXT_PUBLIC_ values at build time: without a DSN this block, and the SDK chunk, drop out.
if (process.env.NEXT_PUBLIC_SENTRY_DSN) {
  try {
    const dsn = parseSentryDsn(process.env.NEXT_PUBLIC_SENTRY_DSN);
    if (dsn) {
      void import("@/modules/observability/lib/browser-sentry").then(({ initBrowserSentry }) =>
        initBrowserSentry(dsn),
      );
    }
  } catch (error) {
    console.error(`[sentry] not started: ${(error as Error).message}`);
  }
}
