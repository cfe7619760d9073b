import { api } from "@echo/backend/convex/_generated/api";
import { fetchQuery } from "convex/nextjs";
import { type NextRequest, NextResponse } from "next/server";

import { frameAncestorsPolicy } from "./modules/embed/lib/frame-ancestors";

const LOOKUP_TIMEOUT_MS = 1500;

function convexUrl(): string {
  return (
    process.env.ECHO_CONVEX_URL ?? process.env.NEXT_PUBLIC_CONVEX_URL ?? "http://127.0.0.1:3210"
  );
}

async function allowedDomains(organizationId: string): Promise<string[] | null> {
  const lookup = fetchQuery(
    api.public.organizations.validate,
    { organizationId },
    { url: convexUrl() },
  )
    .then((organization) => (organization.valid ? organization.allowedDomains : null))
    .catch(() => null);
  const timeout = new Promise<null>((resolve) =>
    setTimeout(() => resolve(null), LOOKUP_TIMEOUT_MS),
  );
  return await Promise.race([lookup, timeout]);
}

/** Limits which sites may frame the widget to the organization's allowed domains, when it has any. */
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
  const policy = organizationId ? frameAncestorsPolicy(await allowedDomains(organizationId)) : null;
  if (policy) response.headers.set("Content-Security-Policy", policy);
  return response;
}

export const config = {
  matcher: "/((?!_next|api/|.*\\..*).*)",
};
