import "server-only";

import { loadInitialState } from "@/modules/flow/server/load-initial-state";

/** The organization's default widget language, or null when unknown or the backend is slow. */
export async function organizationLanguage(organizationId: string | null): Promise<string | null> {
  if (!organizationId) return null;
  return (await loadInitialState(organizationId)).settings?.defaultLanguage ?? null;
}
