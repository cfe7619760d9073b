import { api } from "@echo/backend/convex/_generated/api";
import { fetchQuery } from "convex/nextjs";
import type { NextApiRequest, NextApiResponse } from "next";

import { convexUrl } from "@/modules/convex/convex-url";
import { isWidgetPosition, launcherSettings } from "@/modules/embed/lib/launcher-settings";

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

/**
 * The loader's launcher settings, reached as `/?organizationId=…&launcher=<unread token>&position=…`
 * (src/proxy.ts rewrites it here). Any site may read it; without a token it is the same for every
 * visitor, so shared caches keep it for a minute.
 */
export default async function launcher(request: NextApiRequest, response: NextApiResponse) {
  response.setHeader("Access-Control-Allow-Origin", "*");
  const organizationId = one(request.query.organizationId);
  const token = one(request.query.launcher);
  const tagPosition = one(request.query.position);
  const options = { url: convexUrl() };
  try {
    const [settings, unread] = await Promise.all([
      fetchQuery(api.public.widgetSettings.get, { organizationId }, options),
      token ? fetchQuery(api.public.unreadTokens.count, { organizationId, token }, options) : 0,
    ]);
    response.setHeader(
      "Cache-Control",
      token ? "private, no-cache" : "public, max-age=60, stale-while-revalidate=600",
    );
    response.json(
      launcherSettings({
        position: isWidgetPosition(tagPosition) ? tagPosition : settings.position,
        primary: settings.colors.primary,
        surface: settings.colors.background,
        unread,
      }),
    );
  } catch (error) {
    console.error("launcher settings failed", { organizationId, error });
    response.setHeader("Cache-Control", "no-store");
    response.status(404).json({ code: "NOT_FOUND" });
  }
}
