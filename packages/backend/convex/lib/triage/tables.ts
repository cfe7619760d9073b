import { defineTable } from "convex/server";
import { v } from "convex/values";

import { vTagColor } from "./validators";

/** The organization's tag list, and which conversations carry each tag. */
export const triageTables = {
  tags: defineTable({
    organizationId: v.string(),
    name: v.string(),
    color: vTagColor,
  }).index("by_organization_and_name", ["organizationId", "name"]),

  /** One row per tag on a conversation, with its activity time so a tag's inbox sorts by it. */
  conversationTags: defineTable({
    organizationId: v.string(),
    conversationId: v.id("conversations"),
    tagId: v.id("tags"),
    lastMessageAt: v.number(),
  })
    .index("by_conversation", ["conversationId"])
    .index("by_tag", ["tagId"])
    .index("by_organization_and_tag_and_lastMessageAt", [
      "organizationId",
      "tagId",
      "lastMessageAt",
    ]),
};
