import { fail } from "../errors";

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);
const MAX_LENGTH = 2048;

/** Local mode: the deployment itself answers on this machine (convex-local's site URL). */
function isLocalMode(): boolean {
  const site = process.env.CONVEX_SITE_URL;
  if (!site) return false;
  try {
    return LOCAL_HOSTS.has(new URL(site).hostname);
  } catch {
    return false;
  }
}

/**
 * The public address an admin gave a knowledge file, which answers then cite instead of the
 * passage page: https, or http://localhost in local mode. Blank means none.
 */
export function checkPublicUrl(value: string | undefined): string | undefined {
  const trimmed = value?.trim() ?? "";
  if (trimmed === "") return undefined;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    fail("INVALID_URL", "The public URL is not a web address");
  }
  const local = url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname) && isLocalMode();
  if (
    trimmed.length > MAX_LENGTH ||
    url.username ||
    url.password ||
    !(url.protocol === "https:" || local)
  )
    fail("INVALID_URL", "The public URL must start with https://");
  return url.toString();
}
