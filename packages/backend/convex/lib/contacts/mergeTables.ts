import { defineTable } from "convex/server";
import { v } from "convex/values";

/** Where a merged-away contact went, so its old page leads to the contact that kept its data. */
export const contactMergeTables = {
  contactMerges: defineTable({
    organizationId: v.string(),
    mergedId: v.id("contacts"),
    survivorId: v.id("contacts"),
  })
    .index("by_organization_and_merged", ["organizationId", "mergedId"])
    .index("by_survivor", ["survivorId"]),
};
