import { STAGES, type Stage } from "@/modules/contacts/lib/contact-form-values";

/** The inbox's contact filters as the URL holds them: `contactTag` and `contactStage`. */
export type ContactInboxFilters = { contactTag: string | null; contactStage: Stage | null };

export function parseContactInboxFilters(params: URLSearchParams): ContactInboxFilters {
  const stage = params.get("contactStage");
  return {
    contactTag: params.get("contactTag")?.trim() || null,
    contactStage: STAGES.find((known) => known === stage) ?? null,
  };
}

/** Writes the changed contact filters into `next`, dropping the cleared ones. */
export function writeContactInboxFilters(
  next: URLSearchParams,
  changes: Partial<ContactInboxFilters>,
): void {
  for (const key of ["contactTag", "contactStage"] as const) {
    if (!(key in changes)) continue;
    const value = changes[key]?.trim();
    if (value) next.set(key, value);
    else next.delete(key);
  }
}

/** The inbox query's arguments for these filters. */
export function contactInboxQueryArgs(filters: ContactInboxFilters) {
  return {
    contactTag: filters.contactTag ?? undefined,
    contactStage: filters.contactStage ?? undefined,
  };
}

export function hasContactInboxFilter(filters: ContactInboxFilters): boolean {
  return filters.contactTag !== null || filters.contactStage !== null;
}
