import type { BetterAuthRateLimitOptions } from "better-auth";
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";

/**
 * Per-client request counters that expire with their window, counted from the window's first
 * request. Better Auth's own memory store moves the window to each allowed request, so a client
 * that keeps calling more often than once a window never gets its count back.
 */
export function fixedWindowLimits(): NonNullable<BetterAuthRateLimitOptions["customStorage"]> {
  const limiters = new Map<string, RateLimiterMemory>();
  const limiterFor = (window: number, max: number) => {
    const id = `${window}:${max}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterMemory({ keyPrefix: id, points: max, duration: window });
      limiters.set(id, limiter);
    }
    return limiter;
  };
  return {
    async consume(key, rule) {
      try {
        await limiterFor(rule.window, rule.max).consume(key);
        return { allowed: true, retryAfter: null };
      } catch (rejection) {
        if (!(rejection instanceof RateLimiterRes)) throw rejection;
        return {
          allowed: false,
          retryAfter: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)),
        };
      }
    },
  };
}
