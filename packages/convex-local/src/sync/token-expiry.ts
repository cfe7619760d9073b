import { decodeJwt } from "jose";

/** setTimeout's longest delay; a later expiry re-arms the timer. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Calls `onExpired` when the JWT's `exp` passes, so a live session stops serving a token that was
 * valid when it authenticated. Returns the cancel; a token without `exp` never expires.
 */
export function watchTokenExpiry(token: string, onExpired: () => void): () => void {
  let exp: number | undefined;
  try {
    exp = decodeJwt(token).exp;
  } catch {
    return () => {};
  }
  if (typeof exp !== "number") return () => {};
  const expiresAtMs = exp * 1000;
  let timer: NodeJS.Timeout;
  const arm = () => {
    const delay = expiresAtMs - Date.now();
    if (delay <= 0) return onExpired();
    timer = setTimeout(arm, Math.min(delay, MAX_DELAY_MS));
    timer.unref();
  };
  arm();
  return () => clearTimeout(timer);
}
