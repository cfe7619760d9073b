import { api } from "@echo/backend/convex/_generated/api";
import { fetchQuery } from "convex/nextjs";
import { type NextRequest, NextResponse } from "next/server";

import { allowedDomainsCache, LOOKUP_FAILED } from "./modules/embed/lib/allowed-domains-cache";
import { DENY_FRAMING, frameAncestorsPolicy } from "./modules/embed/lib/frame-ancestors";

function convexUrl(): string {
  return (
    process.env.ECHO_CONVEX_URL ?? process.env.NEXT_PUBLIC_CONVEX_URL ?? "http://127.0.0.1:3210"
  );
}

const allowedDomains = allowedDomainsCache(async (organizationId) => {
  const organization = await fetchQuery(
    api.public.organizations.validate,
    { organizationId },
    { url: convexUrl() },
  );
  return organization.valid ? organization.allowedDomains : null;
});

/**
 * Limits which sites may frame the widget to the organization's allowed domains, when it has any;
 * when they cannot be read (backend down or slow), no site may.
 */
export default async function proxy(request: NextRequest) {
  // The loader asks for its launcher settings at the widget's own URL; a rewrite in next.config
  // would ship the client router's rewrite matching in the first load.
  if (request.nextUrl.searchParams.has("launcher")) {
    const settings = request.nextUrl.clone();
    settings.pathname = "/api/launcher";
    return NextResponse.rewrite(settings);
  }
  const organizationId = request.nextUrl.searchParams.get("organizationId");
  const response = NextResponse.next();
  if (!organizationId) return response;
  const domains = await allowedDomains(organizationId);
  const policy = domains === LOOKUP_FAILED ? DENY_FRAMING : frameAncestorsPolicy(domains);
  if (policy) response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: "/((?!_next|api/|.*\\..*).*)",
};
