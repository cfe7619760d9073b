import { defineTable } from "convex/server";
import { v } from "convex/values";

export const vTypist = v.union(v.literal("contact"), v.literal("operator"));

/** Who is typing in a conversation now; each row expires by itself (system/presence:expire). */
export const presenceTables = {
  typingStates: defineTable({
    organizationId: v.string(),
    conversationId: v.id("conversations"),
    typist: vTypist,
    /** The operator's user id and name; absent for the visitor. */
    userId: v.optional(v.string()),
    name: v.optional(v.string()),
    /** The visitor's draft, kept only when the organization shows previews to operators. */
    preview: v.optional(v.string()),
    updatedAt: v.number(),
    expiresAt: v.number(),
  }).index("by_conversation_and_typist", ["conversationId", "typist"]),

  /** Whether operators see the visitor's draft while they type (off without a row). */
  presenceSettings: defineTable({
    organizationId: v.string(),
    typingPreview: v.boolean(),
  }).index("by_organization", ["organizationId"]),
};
