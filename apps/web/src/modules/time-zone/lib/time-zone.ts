/** The cookie through which the browser tells the server the operator's time zone. */
export const TIME_ZONE_COOKIE = "echo-time-zone";

/** True for an IANA time zone name this runtime's Intl knows ("America/Sao_Paulo", "UTC"). */
export function isTimeZone(value: string | undefined | null): value is string {
  if (!value || value.length > 64) return false;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * The time zone dates are shown in: the browser's (from its cookie) when known, else the
 * deployment's `ECHO_TIME_ZONE`, else UTC. Server and browser render with the same one.
 */
export function resolveTimeZone(fromCookie: string | undefined, fallback: string | undefined) {
  if (isTimeZone(fromCookie)) return fromCookie;
  if (isTimeZone(fallback)) return fallback;
  return "UTC";
}
