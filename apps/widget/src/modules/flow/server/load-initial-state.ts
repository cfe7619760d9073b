import { api } from "@echo/backend/convex/_generated/api";
import { fetchQuery } from "convex/nextjs";
import type { FunctionReturnType } from "convex/server";

import { convexUrl } from "@/modules/convex/convex-url";

export type InitialOrganization = FunctionReturnType<typeof api.public.organizations.validate>;
export type InitialSettings = FunctionReturnType<typeof api.public.widgetSettings.get>;
export type InitialState = {
  organization: InitialOrganization | null;
  settings: InitialSettings | null;
};

const LOOKUP_TIMEOUT_MS = 1500;

function withTimeout<T>(promise: Promise<T>): Promise<T | null> {
  const timeout = new Promise<null>((resolve) =>
    setTimeout(() => resolve(null), LOOKUP_TIMEOUT_MS).unref(),
  );
  return Promise.race([promise.catch(() => null), timeout]);
}

/**
 * The organization check and its branding, fetched while the page renders so the first paint is
 * branded and a first-time visitor reaches the auth screen without waiting for the WebSocket.
 * Either may be null (backend slow or down); the client then asks itself.
 */
export async function loadInitialState(organizationId: string): Promise<InitialState> {
  if (!organizationId) return { organization: null, settings: null };
  const options = { url: convexUrl() };
  const [organization, settings] = await Promise.all([
    withTimeout(fetchQuery(api.public.organizations.validate, { organizationId }, options)),
    // Throws NOT_FOUND for an unknown organization, which withTimeout turns into null.
    withTimeout(fetchQuery(api.public.widgetSettings.get, { organizationId }, options)),
  ]);
  return { organization, settings };
}
