import type { NextApiRequest, NextApiResponse } from "next";

import { convexUrl } from "@/modules/convex/convex-url";

import { readiness } from "../../../../../../scripts/lib/health.mjs";

/** Readiness: the widget answers and its Convex backend runs the Echo functions. */
export default async function ready(_request: NextApiRequest, response: NextApiResponse) {
  const { status, body } = await readiness("widget", convexUrl());
  response.setHeader("Cache-Control", "no-store");
  response.status(status).json(body);
}
