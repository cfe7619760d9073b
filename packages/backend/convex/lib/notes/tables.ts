import { defineTable } from "convex/server";
import { v } from "convex/values";

/**
 * Private notes live beside the conversation, never in its agent thread: the widget, transcripts
 * and the agent's context read the thread only, so a note cannot reach a visitor or the model.
 */
export const notesTables = {
  conversationNotes: defineTable({
    organizationId: v.string(),
    conversationId: v.id("conversations"),
    authorId: v.string(),
    authorName: v.string(),
    text: v.string(),
    /** Members named with @ in the note, by user id. */
    mentions: v.array(v.string()),
    /** When the note's text was last changed by its author or an admin. */
    editedAt: v.optional(v.number()),
  }).index("by_conversation", ["conversationId"]),

  /** One row per member mentioned in a note, so each member reads their own mentions by index. */
  noteMentions: defineTable({
    organizationId: v.string(),
    userId: v.string(),
    noteId: v.id("conversationNotes"),
    conversationId: v.id("conversations"),
  })
    .index("by_organization_and_user", ["organizationId", "userId"])
    .index("by_note", ["noteId"]),
};
