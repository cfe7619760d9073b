import type { ErrorEvent, init } from "@sentry/nextjs";

/** Operators' sessions ride in cookies and headers: Sentry gets the error, not the credentials. */
export const SENTRY_DATA_COLLECTION = {
  userInfo: false,
  cookies: false,
  httpHeaders: { request: { allow: ["user-agent", "accept-language"] }, response: false },
  httpBodies: [],
  urlQueryParams: false,
} satisfies NonNullable<NonNullable<Parameters<typeof init>[0]>["dataCollection"]>;

const withoutQuery = (path: unknown) => (typeof path === "string" ? path.split("?")[0] : path);

/** Inbox filters put visitors' names in query strings; reports keep only the path. */
export function dropQueryStrings(event: ErrorEvent): ErrorEvent {
  const nextjs = event.contexts?.nextjs;
  if (nextjs && "request_path" in nextjs) nextjs.request_path = withoutQuery(nextjs.request_path);
  if (event.request?.url) event.request.url = withoutQuery(event.request.url) as string;
  if (event.request) delete event.request.query_string;
  return event;
}
