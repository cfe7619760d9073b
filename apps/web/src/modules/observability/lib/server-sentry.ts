import type { Instrumentation } from "next";

import type * as SentrySdk from "@sentry/nextjs";

import { parseSentryDsn } from "./sentry-dsn";
import { dropQueryStrings, SENTRY_DATA_COLLECTION } from "./sentry-privacy";

let sdk: typeof SentrySdk | null = null;

/**
 * Starts Sentry on the server when `SENTRY_DSN` (or `NEXT_PUBLIC_SENTRY_DSN`) is set; without one
 * the SDK is never imported. A malformed DSN is logged and the server runs without Sentry.
 */
export async function initServerSentry(env: Record<string, string | undefined> = process.env) {
  let dsn: string | null;
  try {
    dsn = parseSentryDsn(env.SENTRY_DSN || env.NEXT_PUBLIC_SENTRY_DSN);
  } catch (error) {
    console.error(`[sentry] not started: ${(error as Error).message}`);
    return false;
  }
  if (!dsn) return false;
  sdk = await import("@sentry/nextjs");
  sdk.init({
    dsn,
    environment: env.SENTRY_ENVIRONMENT || env.NODE_ENV,
    dataCollection: SENTRY_DATA_COLLECTION,
    beforeSend: dropQueryStrings,
  });
  return true;
}

/** Next.js's onRequestError hook: server render and route errors go to Sentry when it is on. */
export const reportRequestError: Instrumentation.onRequestError = (error, request, context) => {
  sdk?.captureRequestError(error, request, context);
};
