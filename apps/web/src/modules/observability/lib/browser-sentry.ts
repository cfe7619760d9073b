import * as Sentry from "@sentry/nextjs";

import { dropQueryStrings, SENTRY_DATA_COLLECTION } from "./sentry-privacy";

/** Loaded only when a DSN was set at build time: the SDK is a chunk of its own, off the first load. */
export function initBrowserSentry(dsn: string) {
  Sentry.init({ dsn, dataCollection: SENTRY_DATA_COLLECTION, beforeSend: dropQueryStrings });
}
