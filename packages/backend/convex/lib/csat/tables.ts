import { defineTable } from "convex/server";
import { v } from "convex/values";

/** Visitors' satisfaction ratings, one per conversation, asked once it is resolved. */
export const csatTables = {
  csatRatings: defineTable({
    organizationId: v.string(),
    conversationId: v.id("conversations"),
    rating: v.number(),
    comment: v.optional(v.string()),
    /** Whether a person took part in the conversation, or the AI agent resolved it alone. */
    resolution: v.union(v.literal("ai"), v.literal("human")),
    /** The operator the conversation counts for (lib/csat/conversationOperator), if a person took part. */
    operatorId: v.optional(v.string()),
  })
    .index("by_conversation", ["conversationId"])
    .index("by_organization", ["organizationId"]),
};
