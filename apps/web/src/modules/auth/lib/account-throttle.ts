import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware, isAPIError } from "better-auth/api";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

export type AccountThrottleOptions = {
  /** Sign-in attempts per e-mail address that may fail within `windowSeconds`. */
  failedSignIns: number;
  /** Password-reset requests per e-mail address within `windowSeconds`. */
  passwordResets: number;
  windowSeconds: number;
};

export const DEFAULT_ACCOUNT_THROTTLE: AccountThrottleOptions = {
  failedSignIns: 5,
  passwordResets: 3,
  windowSeconds: 15 * 60,
};

type HookContext = { path?: string; body?: unknown };

function emailOf(ctx: HookContext): string | null {
  const email = (ctx.body as { email?: unknown } | undefined)?.email;
  return typeof email === "string" && email.trim() ? email.trim().toLowerCase() : null;
}

function refuse(rejection: unknown): never {
  if (!(rejection instanceof RateLimiterRes)) throw rejection;
  throw new APIError(
    "TOO_MANY_REQUESTS",
    { message: "Too many attempts for this account. Try again later.", code: "ACCOUNT_THROTTLED" },
    { "X-Retry-After": String(Math.max(1, Math.ceil(rejection.msBeforeNext / 1000))) },
  );
}

/**
 * Limits sign-in failures and password-reset requests per e-mail address, whatever address the
 * requests come from: the per-client limits alone let a botnet guess one account's password.
 * An attempt is counted before the password is checked (so parallel guesses cannot slip past)
 * and a successful sign-in clears the account's count.
 */
export function accountThrottle(options: AccountThrottleOptions = DEFAULT_ACCOUNT_THROTTLE) {
  const signIns = new RateLimiterMemory({
    keyPrefix: "sign-in",
    points: options.failedSignIns,
    duration: options.windowSeconds,
  });
  const resets = new RateLimiterMemory({
    keyPrefix: "password-reset",
    points: options.passwordResets,
    duration: options.windowSeconds,
  });
  const on = (path: string) => (ctx: HookContext) => ctx.path === path;

  return {
    id: "echo-account-throttle",
    hooks: {
      before: [
        {
          matcher: on("/sign-in/email"),
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx);
            if (email) await signIns.consume(email).catch(refuse);
          }),
        },
        {
          matcher: on("/request-password-reset"),
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx);
            if (email) await resets.consume(email).catch(refuse);
          }),
        },
      ],
      after: [
        {
          matcher: on("/sign-in/email"),
          handler: createAuthMiddleware(async (ctx) => {
            const email = emailOf(ctx);
            if (email && !isAPIError(ctx.context.returned)) await signIns.delete(email);
          }),
        },
      ],
    },
  } satisfies BetterAuthPlugin;
}
