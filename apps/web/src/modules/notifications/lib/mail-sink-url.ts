/** The local SMTP sink's page, set by `npm start` (local mode only); null with a real provider. */
export function mailSinkUrl(env: Record<string, string | undefined> = process.env): string | null {
  const url = env.ECHO_MAIL_SINK_URL?.trim();
  return url && /^https?:\/\//.test(url) ? url : null;
}
