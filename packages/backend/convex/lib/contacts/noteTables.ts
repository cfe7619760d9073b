import { defineTable } from "convex/server";
import { v } from "convex/values";

import { vSegmentFilters } from "./segmentFilters";

/** What operators keep about contacts: notes on one contact, and saved filters over all of them. */
export const contactNoteTables = {
  /** An operator's note on a contact; only its author edits or deletes it. */
  contactNotes: defineTable({
    organizationId: v.string(),
    contactId: v.id("contacts"),
    authorId: v.string(),
    authorName: v.string(),
    body: v.string(),
    editedAt: v.optional(v.number()),
  }).index("by_contact", ["contactId"]),

  /** A named filter set over the organization's contacts, shared by its operators. */
  contactSegments: defineTable({
    organizationId: v.string(),
    name: v.string(),
    filters: vSegmentFilters,
    createdBy: v.string(),
  }).index("by_organization_and_name", ["organizationId", "name"]),
};
