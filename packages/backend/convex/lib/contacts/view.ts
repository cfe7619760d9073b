import type { Doc } from "../../_generated/dataModel";

/** A contact as the dashboard reads it (the search text is the index's, not the operator's). */
export function contactView({ searchText: _searchText, ...contact }: Doc<"contacts">) {
  return contact;
}
export type ContactView = ReturnType<typeof contactView>;
