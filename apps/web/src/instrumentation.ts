import { initServerSentry, reportRequestError } from "@/modules/observability/lib/server-sentry";

export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") await initServerSentry();
}

export const onRequestError = reportRequestError;
