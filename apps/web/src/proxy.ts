import { clerkMiddleware, createRouteMatcher } from "@clerk/nextjs/server";
import createMiddleware from "next-intl/middleware";
import type { NextFetchEvent, NextRequest } from "next/server";

import { routing } from "./i18n/routing";
import { identityProvider } from "./modules/auth/lib/identity-provider";

const intl = createMiddleware(routing);

const isPublic = createRouteMatcher([
  "/",
  "/:locale/sign-in(.*)",
  "/:locale/sign-up(.*)",
  "/:locale/accept-invitation(.*)",
]);

// In Clerk mode every page but sign-in, sign-up and invitations needs a Clerk session.
const withClerk = clerkMiddleware(async (auth, request) => {
  if (!isPublic(request)) await auth.protect();
  return intl(request);
});

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  return identityProvider() === "clerk" ? withClerk(request, event) : intl(request);
}

export const config = {
  matcher: "/((?!api|_next|_vercel|.*\\..*).*)",
};
