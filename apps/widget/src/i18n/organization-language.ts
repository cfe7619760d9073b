import "server-only";

import { api } from "@echo/backend/convex/_generated/api";
import { fetchQuery } from "convex/nextjs";

import { convexUrl } from "@/modules/convex/convex-url";

const LOOKUP_TIMEOUT_MS = 1500;

/** The organization's default widget language, or null when unknown or the backend is slow. */
export async function organizationLanguage(organizationId: string | null): Promise<string | null> {
  if (!organizationId) return null;
  const lookup = fetchQuery(api.public.widgetSettings.get, { organizationId }, { url: convexUrl() })
    .then((settings) => settings.defaultLanguage)
    .catch(() => null);
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), LOOKUP_TIMEOUT_MS).unref());
  return await Promise.race([lookup, timeout]);
}
