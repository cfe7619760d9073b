import { clerkMiddleware, createRouteMatcher } from "@clerk/nextjs/server";
import createMiddleware from "next-intl/middleware";
import { type NextFetchEvent, NextRequest } from "next/server";

import { routing } from "./i18n/routing";
import { identityProvider } from "./modules/auth/lib/identity-provider";
import { dashboardCspDirectives, serializeCsp } from "./modules/security/lib/dashboard-csp";

const intl = createMiddleware(routing);
const dev = process.env.NODE_ENV === "development";
const secure = (request: NextRequest) => request.nextUrl.protocol === "https:";

const isPublic = createRouteMatcher([
  "/",
  "/:locale/sign-in(.*)",
  "/:locale/sign-up(.*)",
  "/:locale/accept-invitation(.*)",
]);

// In Clerk mode every page but sign-in, sign-up and invitations needs a Clerk session. Clerk adds
// its own hosts and the nonce to the policy (its `contentSecurityPolicy` option).
const withClerk = clerkMiddleware(
  async (auth, request) => {
    if (!isPublic(request)) await auth.protect();
    return intl(request);
  },
  (request) => ({
    contentSecurityPolicy: {
      strict: true,
      directives: dashboardCspDirectives({ secure: secure(request), dev }),
    },
  }),
);

/**
 * Next.js's documented nonce approach: the policy goes on the request, where rendering reads the
 * nonce for its scripts, and on the response, where the browser enforces it.
 */
function withNonce(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const policy = serializeCsp(dashboardCspDirectives({ nonce, secure: secure(request), dev }));
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", policy);
  const response = intl(new NextRequest(request, { headers }));
  response.headers.set("Content-Security-Policy", policy);
  return response;
}

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  return identityProvider() === "clerk" ? withClerk(request, event) : withNonce(request);
}

export const config = {
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
