import { convexUrl } from "@/modules/convex/convex-url";

import { readiness } from "../../../../../../../scripts/lib/health.mjs";

export const dynamic = "force-dynamic";

/** Readiness: the dashboard answers and its Convex backend runs the Echo functions. */
export async function GET() {
  const { status, body } = await readiness("dashboard", convexUrl());
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
